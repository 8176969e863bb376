#!/bin/sh
# A private CUPS server for the printing tests (issue 30): its own config, spool and logs under
# DIR, listening on 127.0.0.1 only, with one printer "slips" that writes each job as a PDF into
# DIR/out, named after the job's title and ending in "-job_N.pdf" (N: CUPS's job id).
#   private_cupsd.sh start DIR   starts cupsd in the background; prints "127.0.0.1:PORT", then a
#                                line naming the printer's kind: "printer slips: cups-pdf" or
#                                "printer slips: slipcopy (WHY)"
#   private_cupsd.sh stop DIR    stops it (the pid it wrote in DIR/cupsd.pid) and waits up to
#                                5 s for it to exit
#
# The printer is the real cups-pdf (Debian printer-driver-cups-pdf) when we run as root and it is
# installed, as in CI. cups-pdf reads /etc/cups/cups-pdf.conf (we only read it) and then, with
# more weight, the defaults of its printer's PPD: the PPD made here from cups-pdf's own takes the
# file name from the job's title with the job id as a suffix (TitlePref 1, Label 2) and adds Out,
# AnonDirName, Spool, Log and GSTmp. A PPD default cannot hold a "/" (CUPS cuts it there), so
# these are relative paths, and cupsd is started in DIR: its backends inherit that working
# directory, so cups-pdf writes into DIR/out and DIR/cups-pdf-spool, logs into DIR/log, and
# nothing outside DIR. Its PDFs are owned by the job's user (root) with mode 0600, on cups-pdf's
# A4 page. The queue converts with pdftops-renderer-default=pdftocairo: the default renderers
# turn the slip's CJK text into outlines that pdftotext cannot read.
# As root, filters run as lp: DIR's parents must let lp through (a folder made in /tmp does).
#
# cups-pdf runs only as root (cupsd runs a backend of mode 0700 as root even with "User lp").
# When we are not root, or cups-pdf is not installed, the printer uses a tiny copying backend
# "slipcopy" instead (each job as DIR/out/copy-job_N.pdf) and says so on the second line.
set -eu
action=$1
dir=$2

if [ "$action" = stop ]; then
  [ -f "$dir/cupsd.pid" ] || exit 0
  pid=$(cat "$dir/cupsd.pid")
  kill "$pid" 2>/dev/null || exit 0
  # cupsd writes printers.conf and its cache as it exits: wait, so that the caller can remove DIR.
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || exit 0
    sleep 0.05
  done
  exit 0
fi

cups_pdf=/usr/lib/cups/backend/cups-pdf
cups_pdf_ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
kind=cups-pdf
if [ "$(id -u)" != 0 ]; then
  kind="slipcopy (not root: cups-pdf runs only as root)"
elif [ ! -x "$cups_pdf" ] || [ ! -f "$cups_pdf_ppd" ] || ! command -v gs > /dev/null; then
  kind="slipcopy (cups-pdf is not installed: printer-driver-cups-pdf and ghostscript)"
fi

mkdir -p "$dir/bin/backend" "$dir/bin/filter" "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" "$dir/out"
for filter in /usr/lib/cups/filter/*; do ln -sf "$filter" "$dir/bin/filter/"; done
# cupsd starts every filter and backend through ServerBin/daemon/cups-exec.
for part in daemon cgi-bin driver monitor notifier; do
  if [ -e "/usr/lib/cups/$part" ]; then ln -sfn "/usr/lib/cups/$part" "$dir/bin/$part"; fi
done

if [ "$kind" = cups-pdf ]; then
  # cupsd runs it as root because the file it points at is 0700 root.
  ln -sf "$cups_pdf" "$dir/bin/backend/cups-pdf"
  mkdir -p "$dir/cups-pdf-spool"
  # cups-pdf's PPD, titles from the job (not from the PostScript), the job id as a suffix, and
  # the paths above as defaults of options of their own (cups-pdf reads each option's default).
  {
    sed -e 's/^\*DefaultTitlePref: .*/*DefaultTitlePref: 1/' -e 's/^\*DefaultLabel: .*/*DefaultLabel: 2/' \
        -e '/^\*CloseGroup: General/,$d' "$cups_pdf_ppd"
    for setting in Out=out AnonDirName=out Spool=cups-pdf-spool Log=log GSTmp=spool; do
      key=${setting%%=*}
      value=${setting#*=}
      printf '*OpenUI *%s: PickOne\n*Default%s: %s\n*%s %s: ""\n*CloseUI: *%s\n\n' "$key" "$key" "$value" "$key" "$value" "$key"
    done
    sed -n '/^\*CloseGroup: General/,$p' "$cups_pdf_ppd"
  } > "$dir/slips.ppd"
else
  cat > "$dir/bin/backend/slipcopy" <<'BACKEND'
#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct slipcopy "Unknown" "Copy jobs to a folder"'; exit 0; fi
out="${DEVICE_URI#slipcopy:}"
if [ -n "${6:-}" ]; then cp "$6" "$out/.job-$1"; else cat > "$out/.job-$1"; fi
chmod 644 "$out/.job-$1" && mv "$out/.job-$1" "$out/copy-job_$1.pdf"
BACKEND
  chmod 755 "$dir/bin/backend/slipcopy"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$dir/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
# cupsd refuses to run jobs as root: as root, filters (and slipcopy) run as lp.
user_lines=""
if [ "$(id -u)" = 0 ]; then
  user_lines="User lp
Group lp"
  chmod 755 "$dir"
  chown -R lp "$dir/spool" "$dir/cache" "$dir/state" "$dir/log"
  chmod 777 "$dir/out"
fi
cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
ServerBin $dir/bin
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/spool
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
$user_lines
CONF
# Started in DIR: cups-pdf's relative paths (above) are relative to it.
(cd "$dir" && exec cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" > "$dir/log/cupsd.out" 2>&1) &
echo $! > "$dir/cupsd.pid"
for _ in $(seq 100); do
  if lpstat -h "127.0.0.1:$port" -r 2>/dev/null | grep -q "is running"; then break; fi
  sleep 0.05
done
if [ "$kind" = cups-pdf ]; then
  # "cups-pdf:/" (nothing after the slash): cups-pdf reads only /etc/cups/cups-pdf.conf.
  lpadmin -h "127.0.0.1:$port" -p slips -E -v cups-pdf:/ -P "$dir/slips.ppd" -o pdftops-renderer-default=pdftocairo 2>/dev/null
else
  lpadmin -h "127.0.0.1:$port" -p slips -E -v "slipcopy:$dir/out" -m raw 2>/dev/null
fi
echo "127.0.0.1:$port"
echo "printer slips: $kind"
