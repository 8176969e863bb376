#!/usr/bin/env python3
"""Fails when an include crosses the layers the other way.

app/core's domain folders form one chain: a folder may include itself and the folders before it,
never one after it. app/core includes nothing of ImGui, GL or GLFW; app/ui nothing of GLFW or GL;
nothing under app/core or app/ui includes app/platform. app/commands (the commands' bodies) may use
core, ui and platform, and nothing but main.cpp includes it. SQLite's C API (sqlite3_*, SQLITE_*)
is called only in app/core/visits, behind its database wrapper.
Usage: layering_check.py SOURCE_DIR
"""
import pathlib
import re
import sys

CORE_ORDER = ["util", "content", "handwriting", "visits", "quiz", "booth", "print", "reports", "staff", "ops"]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
UI_FORBIDDEN = ("GLFW/", "GL/", "glad", "epoxy")
CORE_FORBIDDEN = UI_FORBIDDEN + ("imgui", "ui/", "platform/", "commands/")
LAYERS = ("core", "ui", "platform", "commands")
SQLITE_CALL = re.compile(r"\b(sqlite3_\w+|SQLITE_\w+)")


def includes(path):
    return INCLUDE.findall(path.read_text(encoding="utf-8"))


def core_problems(app):
    problems = []
    core = app / "core"
    loose = [p.name for p in core.iterdir() if p.is_file()]
    if loose:
        problems.append(f"app/core: files outside a domain folder: {', '.join(sorted(loose))}")
    folders = {p.name for p in core.iterdir() if p.is_dir()}
    for unknown in sorted(folders - set(CORE_ORDER)):
        problems.append(f"app/core/{unknown}: not in the layer order of tests/arch/layering_check.py")
    for path in sorted(core.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(app)
        own = rel.parts[1]
        if own not in CORE_ORDER:
            continue
        for name in includes(path):
            if name.startswith(CORE_FORBIDDEN) or "imgui" in name:
                problems.append(f"app/{rel}: includes {name}; app/core knows nothing of ImGui, GL or the UI")
                continue
            if not name.startswith("core/"):
                continue
            parts = name.split("/")
            if len(parts) != 3 or parts[1] not in CORE_ORDER:
                problems.append(f"app/{rel}: includes {name}, which is not in a core domain folder")
                continue
            if CORE_ORDER.index(parts[1]) > CORE_ORDER.index(own):
                problems.append(f"app/{rel}: core/{own} includes {name}; core/{parts[1]} is a higher layer")
    return problems


def ui_problems(app):
    problems = []
    for path in sorted((app / "ui").rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        for name in includes(path):
            if name.startswith(UI_FORBIDDEN) or name.startswith("platform/"):
                problems.append(f"app/{path.relative_to(app)}: includes {name}; only app/platform touches GLFW and GL")
    return problems


def sources(folder):
    return [p for p in sorted(folder.rglob("*")) if p.suffix in (".h", ".cpp")]


def commands_problems(app):
    problems = []
    for layer in ("core", "ui", "platform"):
        for path in sources(app / layer):
            for name in includes(path):
                if name.startswith("commands/"):
                    problems.append(f"app/{path.relative_to(app)}: includes {name}; only main.cpp uses app/commands")
    for path in sources(app / "commands"):
        for name in includes(path):
            if "/" in name and name.split("/")[0] not in LAYERS and not name.startswith(("CLI/", "nlohmann/", "sys/")):
                problems.append(f"app/{path.relative_to(app)}: includes {name}; app/commands uses core, ui and platform only")
    return problems


def sqlite_problems(app):
    problems = []
    for path in sources(app):
        rel = path.relative_to(app)
        if rel.parts[:2] == ("core", "visits"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if match := SQLITE_CALL.search(line):
                problems.append(f"app/{rel}:{number}: {match.group(1)}; SQLite is called only in app/core/visits (see sqlite.h)")
    return problems


def main():
    app = pathlib.Path(sys.argv[1]) / "app"
    problems = core_problems(app) + ui_problems(app) + commands_problems(app) + sqlite_problems(app)
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
