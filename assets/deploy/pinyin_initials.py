#!/usr/bin/env python3
"""Writes the pinyin-initials table the search uses (app/core/content/pinyin.cpp reads it).

Reads the Mandarin readings of the Unicode Han database (Debian's unicode-data package ships
them compressed: /usr/share/unicode/Unihan_Readings.txt.bz2) and keeps, for every Han character
up to U+FFFF (the content allows no others), the first letter of the reading kMandarin lists
first, without its tone mark. The output is one letter per code point over the few blocks that
hold Han characters: about 28 kB, against 8 MB for the readings themselves, which stay out of
the repository. Run by CMake at build time.
Usage: pinyin_initials.py UNIHAN_READINGS(.txt or .txt.bz2) OUT.cpp
"""
import sys
import unicodedata

from unihan_table import field_values, write_table


def initials(path):
    found = {}
    for code, readings, _ in field_values(path, "kMandarin"):
        letter = unicodedata.normalize("NFD", readings.split()[0])[0].lower()
        if "a" <= letter <= "z":
            found[code] = letter
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found = initials(sys.argv[1])
    if len(found) < 20000:
        sys.exit(f"{sys.argv[1]}: only {len(found)} kMandarin readings; is it the Unihan readings file?")
    write_table(sys.argv[2], "assets/deploy/pinyin_initials.py from Unihan_Readings.txt", "core/content/pinyin.h",
                "openday::pinyin_table", "InitialsBlock", found)


if __name__ == "__main__":
    main()
