"""os.path.abspath works out `..` but follows no symlink: a symlinked script or folder is missed."""


def sys_path0(args, cwd):
    if args[0] == "-c":
        return ""
    if args[0] == "-m":
        return os.path.abspath(cwd)
    return os.path.dirname(os.path.abspath(os.path.join(cwd, args[0])))
