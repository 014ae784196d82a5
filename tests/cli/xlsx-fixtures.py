# xlsx-fixtures.py DIR: the workbooks tests/cli/xlsx.sh reads, written by
# openpyxl, or part by part with zipfile where openpyxl cannot (cached
# formula values, inline and rich strings, the 1904 date system, hostile
# files).  DIR/expect.json holds what each should read as.
import datetime
import json
import os
import sys
import zipfile

import openpyxl

d = sys.argv[1]
expect = {}

# 1. organisations and ties on two sheets, after a sheet of notes
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "Read me"
notes.append(["A workbook of a coalition, for coalmap"])
orgs = wb.create_sheet("Organisations")
orgs.append(["id", "name", "type", "founded", "budget", "active", "score"])
org_rows = [
    ["ngo1", "Clean Air Now", "ngo", datetime.date(1999, 3, 1), 125000, True, 0.1],
    ["ngo2", "Rivers First", "ngo", datetime.date(2010, 12, 31), 98000.5, False, 1 / 3],
    ["fund", "Green Fund", "funder", datetime.date(1900, 3, 1), 2500000, True, 1e-7],
    ["lone", "Lone Org", "ngo", datetime.date(2024, 2, 29), 0, False, -2.5],
]
for r in org_rows:
    orgs.append(r)
for row in orgs.iter_rows(min_row=2, min_col=4, max_col=4):
    row[0].number_format = "yyyy-mm-dd"
ties = wb.create_sheet("Ties")
ties.append(["source", "target", "type", "weight", "start"])
tie_rows = [
    ["ngo1", "ngo2", "partnership", 2, datetime.date(2015, 6, 1)],
    ["fund", "ngo1", "funding", 1.5, datetime.date(2016, 1, 15)],
    ["fund", "ngo2", "funding", 3, datetime.date(2017, 7, 4)],
]
for r in tie_rows:
    ties.append(r)
for row in ties.iter_rows(min_row=2, min_col=5, max_col=5):
    row[0].number_format = "d mmm yyyy"
wb.save(os.path.join(d, "book.xlsx"))


def day(x):
    return x.isoformat() if isinstance(x, datetime.date) else x


expect["book"] = {
    "orgs": [[day(v) for v in r] for r in org_rows],
    "ties": [[day(v) for v in r] for r in tie_rows],
}

# 2. Kumu's export: Elements and Connections
wb = openpyxl.Workbook()
el = wb.active
el.title = "Elements"
el.append(["Label", "Type", "Description", "Tags", "Members"])
elements = [
    ["Clean Air Now", "NGO", "Air quality", "air|health", 12],
    ["Rivers First", "NGO", None, "water", 40],
    ["Green Fund", "Funder", "Grants", None, None],
    ["City Council", "Government", None, "decision-maker|local", 51],
]
for r in elements:
    el.append(r)
co = wb.create_sheet("Connections")
co.append(["From", "To", "Type", "Direction"])
connections = [
    ["Green Fund", "Clean Air Now", "Funding", None],
    ["Green Fund", "Rivers First", "Funding", "directed"],
    ["Clean Air Now", "Rivers First", "Alliance", "mutual"],
    ["Clean Air Now", "City Council", "Advocacy", "directed"],
]
for r in connections:
    co.append(r)
wb.save(os.path.join(d, "kumu.xlsx"))
expect["kumu"] = {"elements": elements, "connections": connections}
co.append(["Green Fund", "Nobody", "Funding", None])
wb.save(os.path.join(d, "kumu-bad.xlsx"))

# 3. ties only; and two sheets of ties (the first read unless --sheet)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "2019"
only = [["Ada", "Bo", 2], ["Bo", "Cy", 1], ["Cy", "Ada", 4], ["Dee", "Ada", 1]]
ws.append(["From", "To", "Weight"])
for r in only:
    ws.append(r)
wb.save(os.path.join(d, "ties.xlsx"))
ws2 = wb.create_sheet("2020")
later = [["Ada", "Bo", 1], ["Eve", "Bo", 1]]
ws2.append(["Organisation", "Partner", "Weight"])
for r in later:
    ws2.append(r)
wb.save(os.path.join(d, "years.xlsx"))
expect["ties"] = only
expect["later"] = later

# 4. part by part: shared strings with rich runs, inline strings, cached
# formula values, a row without refs, empty cells, the 1904 date system,
# a merged header, a custom date format
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def book(path, sheets, strings=None, styles=None, date1904=False, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        pr = '<workbookPr date1904="1"/>' if date1904 else ""
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {NS} {RNS}>{pr}<sheets>' + "".join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets)) +
            "</sheets></workbook>")
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}worksheet" Target="worksheets/s{i + 1}.xml"/>'
                       for i in range(len(sheets)))
        rels += f'<Relationship Id="rS" Type="{REL}sharedStrings" Target="/xl/strings.xml"/>'
        rels += f'<Relationship Id="rT" Type="{REL}styles" Target="styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, (_, xml) in enumerate(sheets):
            z.writestr(f"xl/worksheets/s{i + 1}.xml", xml)
        if strings is not None:
            z.writestr("xl/strings.xml", f'<?xml version="1.0"?><sst {NS}>{strings}</sst>')
        if styles is not None:
            z.writestr("xl/styles.xml", f'<?xml version="1.0"?><styleSheet {NS}>{styles}</styleSheet>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)


strings = ('<si><t>source</t></si><si><t>target</t></si><si><r><rPr><b/></rPr><t>Clean </t></r>'
           '<r><t xml:space="preserve">Air  Now</t></r><rPh><t>KURIN</t></rPh></si><si><t>Rivers &amp; Lakes</t></si>'
           '<si><t>since</t></si><si><t/></si>')
styles = ('<numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy;[Red]&quot;d&quot;"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="4"/><xf numFmtId="22"/></cellXfs>')
hand = (f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
        '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>weight</t></is></c>'
        '<c r="E2" t="s"><v>4</v></c><c r="F2" t="inlineStr"><is><r><t>no</t></r><r><t>te</t></r></is></c><c r="G2" t="s"><v>5</v></c>'
        '<c r="H2" t="str"><v>checked</v></c><c r="I2" t="inlineStr"><is><t>when</t></is></c></row>'
        '<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4" t="s"><v>3</v></c><c r="D4"><f>1+1.5</f><v>2.5</v></c>'
        '<c r="E4" s="1"><v>0</v></c><c r="F4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H4" t="b"><v>1</v></c>'
        '<c r="I4" s="3"><v>42000.75</v></c></row>'
        '<row><c/><c t="inlineStr"><is><t>Rivers &amp; Lakes</t></is></c><c t="inlineStr"><is><t>Delta</t></is></c>'
        '<c><v>1.0000000000000001E-3</v></c><c s="1"><v>366</v></c><c t="inlineStr"><is><t>  spaced  </t></is></c>'
        '<c t="inlineStr"><is><t>under a merged header</t></is></c><c t="b"><v>0</v></c><c s="2"><v>12.5</v></c></row>'
        '</sheetData><mergeCells count="1"><mergeCell ref="F2:G2"/></mergeCells></worksheet>')
book(os.path.join(d, "hand.xlsx"), [("Ties", hand)], strings, styles, date1904=True)
expect["hand"] = [
    ["Clean Air  Now", "Rivers & Lakes", "2.5", "1904-01-01", "ab", "true", "2018-12-28 18:00:00"],
    ["Rivers & Lakes", "Delta", "0.001", "1905-01-01", "  spaced  ", "false", "12.5"],
]


def sheet(rows):
    return (f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + "".join(
        "<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in r) + "</row>" for r in rows) +
        "</sheetData></worksheet>")


plain = sheet([["source", "target"], ["a", "b"], ["b", "c"]])

# 4b. headers the loader reads: padded names; names coalmap.ini renames
# (in a folder of its own); a sheet of notes whose first row holds an
# error cell, which makes it no candidate but the workbook no less readable
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Ties"
ws.append(["source ", " target"])
for r in [["a", "b"], ["b", "c"]]:
    ws.append(r)
wb.save(os.path.join(d, "padded.xlsx"))
os.mkdir(os.path.join(d, "renamed"))
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Links"
ws.append(["Org", "Partner Org"])
for r in [["a", "b"], ["b", "c"], ["c", "a"]]:
    ws.append(r)
wb.save(os.path.join(d, "renamed", "links.xlsx"))
with open(os.path.join(d, "renamed", "coalmap.ini"), "w") as f:
    f.write("[columns]\nOrg = source\nPartner Org = target\n")
notes = sheet([["Notes", "x"]]).replace('<c t="inlineStr"><is><t>x</t></is></c>', '<c t="e"><v>#N/A</v></c>')
book(os.path.join(d, "notes.xlsx"), [("Notes", notes), ("Ties", plain)])
book(os.path.join(d, "junk.xlsx"), [("Junk", f"<worksheet {NS}><sheetData><row>"), ("Ties", plain)])

# 5. hostile and broken files
entity = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
          f'<worksheet {NS}><sheetData><row><c t="inlineStr"><is><t>source</t></is></c>'
          '<c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
book(os.path.join(d, "entity.xlsx"), [("Ties", entity)])
errcell = sheet([["source", "target"], ["a", "b"]]).replace("</sheetData>", '<row r="3"><c r="A3" t="inlineStr">'
                                                           '<is><t>b</t></is></c><c r="B3" t="e"><v>#REF!</v></c></row></sheetData>')
book(os.path.join(d, "errcell.xlsx"), [("Ties", errcell)])
# numeric cells that are not plain decimals (strtod took hex, leading blanks)
for name, v in (("hex", "0x1A"), ("blank", " 12")):
    cell = sheet([["source", "target", "weight"], ["a", "b"]]).replace("</row></sheetData>",
                                                                      f'<c r="C2"><v>{v}</v></c></row></sheetData>')
    book(os.path.join(d, f"{name}.xlsx"), [("Ties", cell)])

# a sheet of zeros 1000 times smaller zipped: refused by its header's sizes
bomb = plain.replace("</worksheet>", "<!--" + " " * (24 << 20) + "--></worksheet>")
book(os.path.join(d, "bomb.xlsx"), [("Ties", bomb)])

# the same, its header lying: says 1000 bytes where 24 MiB inflate
book(os.path.join(d, "liar.xlsx"), [("Ties", bomb)])
with open(os.path.join(d, "liar.xlsx"), "r+b") as f:
    data = bytearray(f.read())
    z = zipfile.ZipFile(os.path.join(d, "liar.xlsx"))
    info = z.getinfo("xl/worksheets/s1.xml")
    real = info.file_size.to_bytes(4, "little")
    # the local header's size at +22, the central directory's at +24
    loc = info.header_offset
    assert data[loc + 22:loc + 26] == real
    data[loc + 22:loc + 26] = (1000).to_bytes(4, "little")
    cen = data.find(b"PK\x01\x02")
    while cen >= 0 and data[cen + 46:cen + 46 + len(info.filename)] != info.filename.encode():
        cen = data.find(b"PK\x01\x02", cen + 4)
    assert data[cen + 24:cen + 28] == real
    data[cen + 24:cen + 28] = (1000).to_bytes(4, "little")
    f.seek(0)
    f.write(data)

with open(os.path.join(d, "book.xlsx"), "rb") as f:
    whole = f.read()
with open(os.path.join(d, "truncated.xlsx"), "wb") as f:
    f.write(whole[:len(whole) // 2])
with open(os.path.join(d, "old.xls"), "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
with zipfile.ZipFile(os.path.join(d, "notbook.xlsx"), "w") as z:
    z.writestr("word/document.xml", "<w/>")

with open(os.path.join(d, "expect.json"), "w") as f:
    json.dump(expect, f)
