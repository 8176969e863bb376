#!/usr/bin/env python3
"""Fails when an include crosses the layers the other way.

app/core's domain folders form one chain: a folder may include itself and the folders before it,
never one after it. app/core includes nothing of ImGui, GL or GLFW; app/ui nothing of GLFW or GL;
nothing under app/core or app/ui includes app/platform.
Usage: layering_check.py SOURCE_DIR
"""
import pathlib
import re
import sys

CORE_ORDER = ["util", "content", "visits", "quiz", "booth", "reports", "staff", "ops"]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
UI_FORBIDDEN = ("GLFW/", "GL/", "glad", "epoxy")
CORE_FORBIDDEN = UI_FORBIDDEN + ("imgui", "ui/", "platform/")


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


def main():
    app = pathlib.Path(sys.argv[1]) / "app"
    problems = core_problems(app) + ui_problems(app)
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
