#!/bin/sh
# A private CUPS server for the printing tests (issue 30): its own config, spool and logs under
# DIR, listening on 127.0.0.1 only, with one printer "slips" whose device is a tiny backend that
# copies each job into DIR/out as job-N.pdf. (cups-pdf reads its settings only from
# /etc/cups/cups-pdf*.conf, so it cannot write into a private folder without touching the
# system: the copying backend stands in for it.)
#   private_cupsd.sh start DIR   starts cupsd in the background; prints "127.0.0.1:PORT"
#   private_cupsd.sh stop DIR    stops it (the pid it wrote in DIR/cupsd.pid)
set -eu
action=$1
dir=$2

if [ "$action" = stop ]; then
  [ -f "$dir/cupsd.pid" ] && kill "$(cat "$dir/cupsd.pid")" 2>/dev/null || true
  exit 0
fi

mkdir -p "$dir/bin/backend" "$dir/bin/filter" "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" "$dir/out"
for filter in /usr/lib/cups/filter/*; do ln -sf "$filter" "$dir/bin/filter/"; done
# cupsd starts every filter and backend through ServerBin/daemon/cups-exec.
for part in daemon cgi-bin driver monitor notifier; do
  if [ -e "/usr/lib/cups/$part" ]; then ln -sfn "/usr/lib/cups/$part" "$dir/bin/$part"; fi
done
cat > "$dir/bin/backend/slipcopy" <<'BACKEND'
#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct slipcopy "Unknown" "Copy jobs to a folder"'; exit 0; fi
out="${DEVICE_URI#slipcopy:}"
if [ -n "${6:-}" ]; then cp "$6" "$out/.job-$1"; else cat > "$out/.job-$1"; fi
chmod 644 "$out/.job-$1" && mv "$out/.job-$1" "$out/job-$1.pdf"
BACKEND
chmod 755 "$dir/bin/backend/slipcopy"

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
# cupsd refuses to run jobs as root: as root, filters and the backend run as lp.
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
cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" > "$dir/log/cupsd.out" 2>&1 &
echo $! > "$dir/cupsd.pid"
for _ in $(seq 100); do
  if lpstat -h "127.0.0.1:$port" -r 2>/dev/null | grep -q "is running"; then break; fi
  sleep 0.05
done
lpadmin -h "127.0.0.1:$port" -p slips -E -v "slipcopy:$dir/out" -m raw 2>/dev/null
echo "127.0.0.1:$port"
