# xlsx-corpus.py DIR: the seed corpus of fuzz-xlsx (tests/fuzz/xlsx.c):
# small workbooks written by openpyxl, the same stored (not deflated: the
# fuzzer's mutations then reach the XML), and hostile ones written part by
# part with zipfile (a sheet whose entry declares 2 GiB, a DOCTYPE with
# entities).  tests/cli/xlsx-fixtures.py's workbooks make good seeds too.
import os
import struct
import sys
import zipfile

import openpyxl

d = sys.argv[1]

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Ties"
ws.append(["source", "target", "type", "weight"])
ws.append(["a", "b", "partnership", 2])
ws.append(["b", "c", "funding", 1.5])
orgs = wb.create_sheet("Orgs")
orgs.append(["id", "name", "type"])
for r in (["a", "Alpha", "ngo"], ["b", "Beta", "funder"], ["c", "Gamma, Inc", "decision_maker"]):
    orgs.append(r)
wb.save(os.path.join(d, "openpyxl-two-sheets.xlsx"))

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Elements"
ws.append(["Label", "Type"])
ws.append(["x", "ngo"])
co = wb.create_sheet("Connections")
co.append(["From", "To", "Type"])
co.append(["x", "y", "mutual"])
wb.save(os.path.join(d, "openpyxl-kumu.xlsx"))

for name in ("openpyxl-two-sheets", "openpyxl-kumu"):
    with zipfile.ZipFile(os.path.join(d, name + ".xlsx")) as src, \
            zipfile.ZipFile(os.path.join(d, name + "-stored.xlsx"), "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            if not info.filename.startswith("docProps/") and info.filename != "xl/theme/theme1.xml":
                dst.writestr(info.filename, src.read(info.filename))

CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
WB = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="Ties" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/s1.xml"/></Relationships>')
SHEET = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>source</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>target</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="inlineStr"><is><t>b</t></is></c>'
         '</row></sheetData></worksheet>')


def book(path, sheet):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/s1.xml", sheet)


book(os.path.join(d, "hand-inline.xlsx"), SHEET)
book(os.path.join(d, "doctype.xlsx"), SHEET.replace(
    '<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet').replace(">a<", ">&b;<"))
# the sheet's entry declares 2 GiB inflated, in its local and central headers
p = os.path.join(d, "declared-huge.xlsx")
book(p, SHEET)
data = bytearray(open(p, "rb").read())
name = b"xl/worksheets/s1.xml"
for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    i = data.find(sig)
    while i >= 0:
        nlen = struct.unpack_from("<H", data, i + off + 4 if sig == b"PK\x03\x04" else i + 28)[0]
        start = i + (30 if sig == b"PK\x03\x04" else 46)
        if data[start:start + nlen] == name:
            struct.pack_into("<I", data, i + off, 0x7FFFFFFF)
        i = data.find(sig, i + 4)
open(p, "wb").write(bytes(data))
