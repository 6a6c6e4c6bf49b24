#!/usr/bin/env bash
# Make the binary samples under test/fixtures/import-formats/ from their sources (sources/), with the
# tools editors' files come from: pandoc and LibreOffice write the .doc, .pdf, .xlsx and .xls, iconv
# the GBK page, pdftoppm and img2pdf the scan (Debian: pandoc libreoffice-writer-nogui
# libreoffice-calc-nogui poppler-utils img2pdf). The samples are committed, so the tests need none of these tools; run this again only
# to change a sample, and review what changed.
#   tools/import-samples/make.sh
set -euo pipefail
cd "$(dirname "$0")/../../test/fixtures/import-formats"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice() { command soffice -env:UserInstallation=file://"$work"/profile --headless "$@" >/dev/null 2>&1; }

# A notice as Word 97–2003 .doc (pandoc writes .docx, LibreOffice saves it as .doc), and as .txt.
pandoc sources/notice.md -o "$work/notice.docx"
soffice --convert-to doc --outdir "$work" "$work/notice.docx"
cp "$work/notice.doc" notice.doc
# The same notice as PDF (a second original of one document).
soffice --convert-to pdf --outdir "$work" "$work/notice.docx"
cp "$work/notice.pdf" notice.pdf
# The same notice as a PDF that asks for a password (secret) to open.
soffice --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  --outdir "$work/encrypted" "$work/notice.docx"
cp "$work/encrypted/notice.pdf" encrypted.pdf
# The same notice under a .wps name: WPS Office 2005 and later write the same OLE format.
cp notice.doc notice.wps
# A two-page decision with a running head and page numbers (— 1 —), as a text PDF.
soffice --convert-to pdf --outdir "$work" sources/decision.fodt
cp "$work/decision.pdf" decision.pdf
# A scan: the decision's first page as a grey picture in a PDF, with no text layer (poppler-utils, img2pdf).
pdftoppm -f 1 -l 1 -r 60 -gray -png "$work/decision.pdf" "$work/page"
img2pdf "$work"/page*.png -o scan.pdf
# A roll in two sheets (merged title, header row, a formula, signature and date under the table).
soffice --convert-to xlsx --outdir "$work" sources/roll.fods
soffice --convert-to xls --outdir "$work" sources/roll.fods
cp "$work/roll.xlsx" roll.xlsx
cp "$work/roll.xls" roll.xls
# A saved web page in GB2312, as old sites served them.
iconv -f UTF-8 -t GB18030 sources/gbk-page.html > gbk-page.htm
ls -l notice.doc notice.pdf encrypted.pdf notice.wps decision.pdf scan.pdf roll.xlsx roll.xls gbk-page.htm
