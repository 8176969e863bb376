#!/usr/bin/env python3
"""Writes the stroke-count table the handwriting pad uses (app/core/handwriting/stroke_counts.cpp
reads it).

Reads the total stroke counts of the Unicode Han database (Debian's unicode-data package ships
them compressed, in /usr/share/unicode/Unihan_IRGSources.txt.bz2, field kTotalStrokes) and keeps,
for every Han character up to U+FFFF (the content allows no others), the count kTotalStrokes
lists first (the one for Simplified Chinese). The output is one byte per code point over the
few blocks that hold Han characters, 'A' + the count, '.' where there is none: about 28 kB,
against 12 MB for the sources file, which stays out of the repository.

Also lists the characters whose radical (field kRSUnicode) is one the standard stroke order writes
last, round the bottom-left of the rest: 辶 (radical 162, 3 strokes) and 廴 (radical 54, 2 strokes),
with the radical's stroke count: Zinnia's model learned those characters radical-first, and
recognizer.cpp reads strokes that end in such a radical that way too. Run by CMake at build time.
Usage: stroke_counts.py UNIHAN_IRG_SOURCES(.txt or .txt.bz2) OUT.cpp
"""
import sys

from unihan_table import field_values, write_table

BASE = ord("A")
MAX_COUNT = 60  # 'A' + 60 is still ASCII; the largest count up to U+FFFF is 52


def stroke_counts(path):
    found = {}
    for code, counts, number in field_values(path, "kTotalStrokes"):
        count = int(counts.split()[0])
        if not 1 <= count <= MAX_COUNT:
            sys.exit(f"{path}:{number}: U+{code:04X} has {count} strokes, outside 1 .. {MAX_COUNT}")
        found[code] = count
    return found


# Radical number (kRSUnicode, before the dot) -> its strokes, for the radicals written last.
RADICALS_WRITTEN_LAST = {162: 3, 54: 2}


def radicals_written_last(path):
    found = {}
    for code, values, _ in field_values(path, "kRSUnicode"):
        radical = int(values.split()[0].split(".")[0].rstrip("'"))  # the first value: the character's own radical
        if radical in RADICALS_WRITTEN_LAST:
            found[code] = RADICALS_WRITTEN_LAST[radical]
    return found


def radicals_written_last_lines(found):
    lines = ["const RadicalWrittenLast kRadicalsWrittenLast[] = {"]
    entries = [f"{{0x{code:04X}, {strokes}}}," for code, strokes in sorted(found.items())]
    for i in range(0, len(entries), 8):
        lines.append("  " + " ".join(entries[i:i + 8]))
    lines += ["};", "", "const std::size_t kRadicalsWrittenLastCount = sizeof(kRadicalsWrittenLast) / sizeof(kRadicalsWrittenLast[0]);", ""]
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found = stroke_counts(sys.argv[1])
    if len(found) < 20000:
        sys.exit(f"{sys.argv[1]}: only {len(found)} kTotalStrokes counts; is it the Unihan IRG sources file?")
    written_last = radicals_written_last(sys.argv[1])
    if len(written_last) < 100:
        sys.exit(f"{sys.argv[1]}: only {len(written_last)} characters with the radical 辶 or 廴; is it the Unihan IRG sources file?")
    write_table(sys.argv[2], "assets/deploy/stroke_counts.py from Unihan_IRGSources.txt", "core/handwriting/stroke_counts.h",
                "openday::stroke_table", "StrokeCountBlock", {code: chr(BASE + count) for code, count in found.items()},
                radicals_written_last_lines(written_last))


if __name__ == "__main__":
    main()
