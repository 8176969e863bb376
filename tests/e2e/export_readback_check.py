#!/usr/bin/env python3
"""Reads back what `openday export` wrote with independent parsers: every CSV through Python's
csv module, the XLSX as the zip of XML it is. The numbers must equal what a direct query of the
kiosk databases says. Two kiosks, one of them given twice.

Usage: export_readback_check.py OPENDAY
"""
import csv
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

OPENDAY = sys.argv[1]
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def run(*args):
    return subprocess.run([OPENDAY, *args], check=True, capture_output=True, text=True)


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM"
    assert raw.count(b"\n") == raw.count(b"\r\n") > 0, f"{path.name}: lines must end in CRLF"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def direct_counts(dbs, day):
    """Counts straight from the databases, de-duplicated by (kiosk_id, seq)."""
    seen = {}
    for db in dbs:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        for row in con.execute(
                "SELECT kiosk_id, seq, session, type, department, item, target, value, screen FROM events "
                "WHERE date(at_ms / 1000 + utc_offset_min * 60, 'unixepoch') = ?", (day,)):
            seen[(row[0], row[1])] = row[2:]
        con.close()
    rows = list(seen.values())
    departments = {}
    questions = {}
    for session, kind, department, item, target, value, screen in rows:
        # Another tab of the department shown (screen 'department') is the same visit of it.
        if kind == "screen_view" and department and not item and screen != "department":
            departments[department] = departments.get(department, 0) + 1
        if kind == "quiz_answer":
            answers, right = questions.get(item, (0, 0))
            questions[item] = (answers + 1, right + (value or 0))
    return {
        "sessions": sum(1 for r in rows if r[1] == "session_start"),
        "interactions": sum(1 for r in rows if r[1] == "tap"),
        "quiz_attempts": sum(1 for r in rows if r[1] == "quiz_start"),
        "quiz_passed": sum(1 for r in rows if r[1] == "quiz_finish" and r[4] == "passed"),
        "vouchers": {r[3] for r in rows if r[1] == "voucher_issued"},
        "read_alouds": sum(1 for r in rows if r[1] == "read_aloud"),
        "departments": departments,
        "questions": questions,
    }


def xlsx_sheets(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = {}
        for index, sheet in enumerate(workbook.find("m:sheets", NS), start=1):
            data = ET.fromstring(z.read(f"xl/worksheets/sheet{index}.xml"))
            rows = []
            for row in data.iter(f"{{{NS['m']}}}row"):
                values = []
                for cell in row.findall("m:c", NS):
                    v = cell.find("m:v", NS)
                    text = v.text if v is not None else ""
                    values.append(shared[int(text)] if cell.get("t") == "s" else text)
                rows.append(values)
            sheets[sheet.get("name")] = rows
        charts = [n for n in names if n.startswith("xl/charts/chart")]
    return sheets, charts


def main():
    day = "2026-05-15"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        dbs = []
        for kiosk, seed in (("kiosk-a", 11), ("kiosk-b", 12)):
            config = tmp / f"{kiosk}.toml"
            config.write_text(f'[booth]\nkiosk_id = "{kiosk}"\n', encoding="utf-8")
            db = tmp / f"{kiosk}.db"
            run("simulate", "--db", str(db), "--visitors", "60", "--seed", str(seed), "--date", day, "--config", str(config))
            dbs.append(db)
        out = tmp / "usb"
        out.mkdir()
        run("export", "--db", str(dbs[0]), "--db", str(dbs[1]), "--db", str(dbs[0]), "--out", str(out),
            "--from", day, "--to", day, "--format", "all")
        expected = direct_counts(dbs, day)

        files = {p.name.split("-", 4)[-1]: p for p in out.iterdir()}
        header, rows = read_csv(files["1-daily.csv"])
        assert header[:2] == ["日期", "接待人次"], header
        assert len(rows) == 1 and rows[0][0] == day, rows
        daily = dict(zip(header, rows[0]))
        assert int(daily["接待人次"]) == expected["sessions"], (daily, expected["sessions"])
        assert int(daily["操作次数"]) == expected["interactions"]
        assert int(daily["竞猜参与"]) == expected["quiz_attempts"]
        assert int(daily["竞猜过关"]) == expected["quiz_passed"]
        assert int(daily["奖品发放"]) == len(expected["vouchers"])

        header, rows = read_csv(files["3-departments.csv"])
        views = {row[0]: int(row[2]) for row in rows}
        assert {k: v for k, v in views.items() if v} == expected["departments"], (views, expected["departments"])

        header, rows = read_csv(files["5-quiz-questions.csv"])
        answered = {row[0]: (int(row[2]), int(row[3])) for row in rows}
        assert answered == expected["questions"]

        header, rows = read_csv(files["6-vouchers.csv"])
        assert {row[0] for row in rows} == expected["vouchers"]

        header, rows = read_csv(files["2-hourly.csv"])
        assert sum(int(r[2]) for r in rows) == expected["sessions"]

        header, rows = read_csv(files["7-sessions.csv"])
        assert len(rows) == expected["sessions"]

        header, rows = read_csv(files["15-feature-use.csv"])
        assert header == ["日期", "朗读次数", "朗读时长(秒)", "呼叫工作人员", "打印办事指南", "打印兑奖凭条"], header
        assert [row[0] for row in rows] == [day] and int(rows[0][1]) == expected["read_alouds"], (rows, expected["read_alouds"])

        sheets, charts = xlsx_sheets(files["counts.xlsx"])
        assert list(sheets) == ["每日汇总", "按时段", "按部门", "按审批事项", "按竞猜题目", "奖品兑奖码", "访客会话",
                                "满意度", "群众问题", "基本情况", "现场登记按部门", "热门主题", "热门搜索", "无结果搜索", "功能使用"], list(sheets)
        basic = {row[0]: row[1] for row in sheets["基本情况"][1:]}
        assert int(float(basic["其中：自助查询机服务"])) == expected["sessions"], basic
        assert sheets["每日汇总"][0][:2] == ["日期", "接待人次"]
        assert sheets["每日汇总"][1][0] == day and int(float(sheets["每日汇总"][1][1])) == expected["sessions"]
        assert len(sheets["访客会话"]) - 1 == expected["sessions"]
        assert {r[0] for r in sheets["奖品兑奖码"][1:]} == expected["vouchers"]
        assert len(charts) == 2, charts
        summary = files["summary.txt"].read_text(encoding="utf-8-sig")
        assert f"自助查询机服务群众{expected['sessions']}人次" in summary, summary
    print("PASS: CSV and XLSX read back equal the databases")


main()
