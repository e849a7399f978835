#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (never a Playwright browser
# download). Install it, its driver and CJK fonts when missing; idempotent and quiet.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
# Without a CJK font every Chinese character renders as a box in screenshots.
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# Print tests convert the workbooks and the bulletin to PDF and count the pages.
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdfinfo >/dev/null || need+=(poppler-utils)

if [ ${#need[@]} -eq 0 ]; then
    echo "browser deps: chromium, LibreOffice, poppler and CJK fonts present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "browser deps: installing ${need[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
/usr/bin/chromium --version
