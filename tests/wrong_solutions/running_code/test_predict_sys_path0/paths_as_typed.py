"""Joins the path as typed: no `..` worked out, no symlink followed, for a script or for -m."""


def sys_path0(args, cwd):
    if args[0] == "-c":
        return ""
    if args[0] == "-m":
        return str(cwd)
    return str((cwd / args[0]).parent)
