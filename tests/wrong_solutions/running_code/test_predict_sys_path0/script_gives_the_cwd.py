"""Takes the folder the script is run from, as -m does, rather than the script's own folder."""


def sys_path0(args, cwd):
    if args[0] == "-c":
        return ""
    return str(cwd.resolve())
