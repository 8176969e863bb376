#include "core/booth/hub_setup.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>
#include <set>

#include "core/booth/hub_credentials.h"
#include "core/booth/hub_subjects.h"
#include "core/booth/nkey.h"
#include "core/util/atomic_file.h"

extern char** environ;

namespace openday {
namespace fs = std::filesystem;
namespace {

// ---- The permission table: one row per subject a device may use.
enum class Who { Kiosk, Desk, Every };
enum class Grant { Publish, Subscribe };
struct PermissionRow {
  Who who;
  Grant grant;
  std::string (*subject)(std::string_view device);
};

std::string js_api(std::string_view call, std::string_view stream) { return "$JS.API." + std::string(call) + "." + std::string(stream); }

const std::vector<PermissionRow>& permission_table() {
  static const std::vector<PermissionRow> rows = {
      {Who::Every, Grant::Publish, [](std::string_view d) { return hub::events_subject(d); }},
      {Who::Every, Grant::Publish, [](std::string_view d) { return hub::heartbeat_subject(d); }},
      // A kiosk reads the content bundle and its desk notices by direct message get, and checks
      // the content stream's state; it creates nothing and consumes nothing.
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("STREAM.MSG.GET", hub::kContentStream); }},
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("STREAM.MSG.GET", hub::kDeskStream); }},
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("STREAM.INFO", hub::kContentStream); }},
      // The booth's prize bucket (issue 27): every device reads and compare-and-sets its records
      // (a kiosk its share and its codes, any device a redemption); only the desk creates it.
      {Who::Every, Grant::Publish, [](std::string_view) { return hub::prize_bucket_subjects(); }},
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("STREAM.INFO", hub::prize_bucket_stream()); }},
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("STREAM.MSG.GET", hub::prize_bucket_stream()); }},
      {Who::Kiosk, Grant::Publish, [](std::string_view) { return js_api("DIRECT.GET", hub::prize_bucket_stream()) + ".>"; }},
      // The desk runs the booth: it creates the streams and its consumers, acknowledges what it
      // consumed, publishes content and notices to kiosks.
      {Who::Desk, Grant::Publish, [](std::string_view) { return std::string("$JS.API.>"); }},
      {Who::Desk, Grant::Publish, [](std::string_view) { return std::string("$JS.ACK.>"); }},
      {Who::Desk, Grant::Publish, [](std::string_view) { return std::string(hub::kContentSubject); }},
      {Who::Desk, Grant::Publish, [](std::string_view) { return std::string(hub::kDeskNoticePrefix) + ">"; }},
      {Who::Every, Grant::Subscribe, [](std::string_view d) { return hub::inbox_prefix(d) + ".>"; }},
  };
  return rows;
}

// ---- Checking the request.

struct Listen {
  std::string host;  // without brackets
  int port = 0;
};

bool is_ip_address(const std::string& text) {
  std::array<unsigned char, 16> buffer{};
  return inet_pton(AF_INET, text.c_str(), buffer.data()) == 1 || inet_pton(AF_INET6, text.c_str(), buffer.data()) == 1;
}

bool is_host_name(std::string_view name) {
  if (name.empty() || name.size() > 253 || name.front() == '.' || name.front() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

std::optional<Listen> parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 >= text.size()) return std::nullopt;
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  const int number = std::stoi(port);
  if (number < 1 || number > 65535) return std::nullopt;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    std::array<unsigned char, 16> buffer{};
    if (inet_pton(AF_INET6, host.c_str(), buffer.data()) != 1) return std::nullopt;
  } else if (host.find(':') != std::string::npos || (!is_host_name(host) && !is_ip_address(host))) {
    // An IPv6 address goes in brackets: "::1:4222" could be read two ways.
    return std::nullopt;
  }
  return Listen{host, number};
}

bool is_wildcard(const std::string& host) { return host == "0.0.0.0" || host == "::"; }

// nats-server.conf quotes paths; these characters would end or escape the quoted text.
bool fits_in_config(const fs::path& path) { return path.string().find_first_of("\"\\\n\r") == std::string::npos; }

std::string check_request(const HubSetupRequest& request) {
  if (!hub::is_valid_device_id(request.booth))
    return "--booth: must be 1-32 characters of A-Z a-z 0-9 - _, got \"" + request.booth + "\"";
  if (request.devices.empty()) return "--devices: name at least one device, like kiosk-1,kiosk-2,desk";
  std::set<std::string> seen;
  for (const std::string& device : request.devices) {
    if (!hub::is_valid_device_id(device))
      return "--devices: \"" + device + "\" is not a device id (1-32 characters of A-Z a-z 0-9 - _)";
    if (!seen.insert(device).second) return "--devices: \"" + device + "\" is named twice";
  }
  if (!parse_listen(request.listen))
    return "--listen: must be HOST:PORT (a host name or IP address, [v6] in brackets, port 1-65535), like 0.0.0.0:4222, got \"" +
           request.listen + "\"";
  for (const std::string& name : request.extra_names)
    if (!is_host_name(name) && !is_ip_address(name))
      return "--name: \"" + name + "\" is neither a host name nor an IP address";
  if (request.out.empty()) return "--out: give the folder to write the hub setup into";
  for (const auto& [option, path] : {std::pair{"--out", request.out}, std::pair{"--store", request.store}})
    if (!fits_in_config(path)) return std::string(option) + ": \"" + path.string() + "\" holds a quote, backslash or line break, which nats-server.conf cannot hold";
  return "";
}

// ---- The out folder: new, empty, or a previous hub setup; never someone else's files.

bool is_setup_entry(const std::string& name) {
  static const std::set<std::string_view> files = {kHubConfigFile, kHubCaCertFile, kHubCaKeyFile, kHubCertFile, kHubKeyFile, "jetstream"};
  if (files.count(name)) return true;
  if (name.size() > 6 && name.ends_with(".creds")) return true;
  return name.starts_with(".") && name.find(".tmp-") != std::string::npos;  // a write cut short
}

std::string prepare_out(const fs::path& out) {
  std::error_code ec;
  const auto status = fs::status(out, ec);
  if (!fs::exists(status)) {
    fs::create_directories(out, ec);
    if (ec) return "--out: cannot create " + out.string() + ": " + ec.message();
  } else if (!fs::is_directory(status)) {
    return "--out: " + out.string() + " exists and is not a folder; give a new or empty folder";
  } else {
    for (const auto& entry : fs::directory_iterator(out, ec)) {
      const std::string name = entry.path().filename().string();
      if (!is_setup_entry(name))
        return "--out: " + out.string() + " already holds \"" + name +
               "\", which is not part of a hub setup; give a new or empty folder (hub init never overwrites other files)";
    }
    if (ec) return "--out: cannot list " + out.string() + ": " + ec.message();
  }
  // Owner only: the folder holds the CA's key and every device's seed.
  fs::permissions(out, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return "--out: cannot make " + out.string() + " private (mode 0700): " + ec.message();
  return "";
}

// ---- Running openssl: no shell, its output and error captured.

struct ToolRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

void drain(std::array<int, 2>& fds, std::string& out, std::string& err) {
  std::array<pollfd, 2> polls{pollfd{fds[0], POLLIN, 0}, pollfd{fds[1], POLLIN, 0}};
  while (polls[0].fd >= 0 || polls[1].fd >= 0) {
    if (::poll(polls.data(), polls.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < polls.size(); ++i) {
      if (polls[i].fd < 0 || polls[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t got = ::read(polls[i].fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        ::close(polls[i].fd);
        polls[i].fd = -1;
        continue;
      }
      (i == 0 ? out : err).append(buffer, static_cast<std::size_t>(got));
    }
  }
}

std::string describe(const std::vector<std::string>& argv) {
  std::string text;
  for (const std::string& arg : argv) text += (text.empty() ? "" : " ") + arg;
  return text;
}

// Runs argv (found on PATH); the error, if any, names the command and carries its own words.
std::string run_tool(const std::vector<std::string>& argv, std::string* out) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return "cannot run " + argv[0] + ": " + std::strerror(errno);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    const int error = errno;
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return "cannot run " + argv[0] + ": " + std::strerror(error);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = ::posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return "cannot run " + argv[0] + " (is the Debian package " + argv[0] + " installed?): " + std::strerror(spawned);
  }
  ToolRun run;
  std::array<int, 2> fds{out_pipe[0], err_pipe[0]};
  drain(fds, run.out, run.err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const bool succeeded = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (out) *out = std::move(run.out);
  if (succeeded) return "";
  while (!run.err.empty() && (run.err.back() == '\n' || run.err.back() == '\r')) run.err.pop_back();
  const std::string how = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "killed by signal " + std::to_string(WTERMSIG(status));
  return "`" + describe(argv) + "` failed (" + how + ")" + (run.err.empty() ? "" : ": " + run.err);
}

// ---- Writing the files.

class SetupWriter {
 public:
  SetupWriter(fs::path out, HubSetupResult& result) : out_(std::move(out)), result_(result) {}

  bool write(std::string_view name, std::string_view content) {
    const fs::path file = out_ / name;
    try {
      write_file_atomically(file, content);  // owner-only (0600)
    } catch (const std::exception& error) {
      result_.error = error.what();
      return false;
    }
    result_.written.push_back(file);
    return true;
  }

  // An openssl command whose standard output is the file's content (keys never sit on disk
  // with another mode than 0600).
  std::optional<std::string> write_from_tool(std::string_view name, const std::vector<std::string>& argv) {
    std::string output;
    if (std::string error = run_tool(argv, &output); !error.empty()) {
      result_.error = "cannot make " + (out_ / name).string() + ": " + error;
      return std::nullopt;
    }
    if (!write(name, output)) return std::nullopt;
    return output;
  }

  std::string path(std::string_view name) const { return (out_ / name).string(); }
  void fail(std::string error) { result_.error = std::move(error); }

 private:
  fs::path out_;
  HubSetupResult& result_;
};

std::vector<std::string> new_key_command() { return {"openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}; }

std::string subject_alt_names(const HubSetupRequest& request, const Listen& listen) {
  std::vector<std::string> names;
  if (!is_wildcard(listen.host)) names.push_back(listen.host);
  for (const char* name : {"localhost", "127.0.0.1", "::1"}) names.emplace_back(name);
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0 && is_host_name(host)) names.emplace_back(host);
  names.insert(names.end(), request.extra_names.begin(), request.extra_names.end());
  std::string text;
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!seen.insert(name).second) continue;
    text += (text.empty() ? "" : ",") + std::string(is_ip_address(name) ? "IP:" : "DNS:") + name;
  }
  return text;
}

// An openssl certificate time, YYYYMMDDHHMMSSZ, days away from now (negative: in the past).
std::string certificate_time(int days) {
  const std::time_t when = std::time(nullptr) + static_cast<std::time_t>(days) * 24 * 3600;
  std::tm utc{};
  ::gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d%H%M%SZ", &utc);
  return text;
}

// Certificates start two days back: a device whose clock runs an hour (or a day) slow must not
// take the hub's fresh certificate for one not yet valid. `openssl req -x509` cannot set the
// start date before OpenSSL 3.4, so the certificates are issued with `openssl ca`, which keeps
// its bookkeeping in a scratch folder removed afterwards.
constexpr int kBackdateDays = -2;
constexpr int kCaDays = 3650;
constexpr int kHubCertificateDays = 825;

class CaScratch {
 public:
  explicit CaScratch(const fs::path& out) {
    std::string pattern = (out / ".ca.tmp-XXXXXX").string();
    if (::mkdtemp(pattern.data())) dir_ = pattern;
  }
  ~CaScratch() {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }
  CaScratch(const CaScratch&) = delete;
  CaScratch& operator=(const CaScratch&) = delete;
  const fs::path& dir() const { return dir_; }

  // The openssl ca config: where its bookkeeping goes, and the two certificates' extensions.
  std::string config(const std::string& alt_names) const {
    const std::string d = dir_.string();
    return "[ ca ]\ndefault_ca = booth_ca\n"
           "[ booth_ca ]\ndatabase = " + d + "/index.txt\nnew_certs_dir = " + d + "\nserial = " + d + "/serial\n"
           "default_md = sha256\npolicy = booth_policy\nunique_subject = no\n"
           "[ booth_policy ]\ncommonName = supplied\n"
           "[ ca_ext ]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n"
           "[ hub_ext ]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n"
           "subjectAltName = " + alt_names + "\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n";
  }

 private:
  fs::path dir_;
};

std::vector<std::string> sign_command(const CaScratch& scratch, const std::string& csr, const std::string& extensions, int days) {
  return {"openssl", "ca", "-batch", "-notext", "-create_serial", "-config", (scratch.dir() / "ca.cnf").string(), "-in", csr,
          "-extensions", extensions, "-startdate", certificate_time(kBackdateDays), "-enddate", certificate_time(days)};
}

// A certificate request for key, written into the scratch folder; its path, or "" on an error.
std::string write_request(SetupWriter& writer, const CaScratch& scratch, const std::string& key, const std::string& common_name,
                          const std::string& name) {
  std::string csr;
  if (std::string error = run_tool({"openssl", "req", "-new", "-key", key, "-subj", "/CN=" + common_name}, &csr); !error.empty()) {
    writer.fail("cannot make the certificate request " + name + ": " + error);
    return "";
  }
  const fs::path file = scratch.dir() / name;
  try {
    write_file_atomically(file, csr);
  } catch (const std::exception& error) {
    writer.fail(error.what());
    return "";
  }
  return file.string();
}

// The CA's certificate (which every device's credentials carry), or nothing on an error.
std::optional<std::string> write_certificates(SetupWriter& writer, const fs::path& out, const HubSetupRequest& request,
                                              const Listen& listen) {
  CaScratch scratch(out);
  if (scratch.dir().empty()) {
    writer.fail("cannot create a scratch folder in " + out.string() + ": " + std::strerror(errno));
    return std::nullopt;
  }
  try {
    write_file_atomically(scratch.dir() / "ca.cnf", scratch.config(subject_alt_names(request, listen)));
    write_file_atomically(scratch.dir() / "index.txt", "");
  } catch (const std::exception& error) {
    writer.fail(error.what());
    return std::nullopt;
  }
  if (!writer.write_from_tool(kHubCaKeyFile, new_key_command())) return std::nullopt;
  const std::string ca_csr = write_request(writer, scratch, writer.path(kHubCaKeyFile), "OpenDay booth " + request.booth + " CA", "ca.csr");
  if (ca_csr.empty()) return std::nullopt;
  std::vector<std::string> self_sign = sign_command(scratch, ca_csr, "ca_ext", kCaDays);
  self_sign.insert(self_sign.end(), {"-selfsign", "-keyfile", writer.path(kHubCaKeyFile)});
  auto ca_pem = writer.write_from_tool(kHubCaCertFile, self_sign);
  if (!ca_pem || !writer.write_from_tool(kHubKeyFile, new_key_command())) return std::nullopt;
  const std::string hub_csr = write_request(writer, scratch, writer.path(kHubKeyFile), "openday-hub-" + request.booth, "hub.csr");
  if (hub_csr.empty()) return std::nullopt;
  std::vector<std::string> sign = sign_command(scratch, hub_csr, "hub_ext", kHubCertificateDays);
  sign.insert(sign.end(), {"-cert", writer.path(kHubCaCertFile), "-keyfile", writer.path(kHubCaKeyFile)});
  if (!writer.write_from_tool(kHubCertFile, sign)) return std::nullopt;
  return ca_pem;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string text = "[";
  for (const std::string& item : items) text += (text.size() == 1 ? "\"" : ", \"") + item + "\"";
  return text + "]";
}

std::string user_entry(std::string_view device, std::string_view public_key) {
  const HubPermissions permissions = hub_permissions(device);
  return "    # " + std::string(device) + (hub::is_desk_device(device) ? " (the desk)" : " (a kiosk)") + "\n" +
         "    { nkey: \"" + std::string(public_key) + "\", permissions: {\n" +
         "        publish: { allow: " + quoted_list(permissions.publish) + " }\n" +
         "        subscribe: { allow: " + quoted_list(permissions.subscribe) + " }\n" +
         "    } }\n";
}

std::string hub_config(const HubSetupRequest& request, const fs::path& out, const fs::path& store, const std::string& users) {
  const std::string conf = (out / kHubConfigFile).string();
  return "# nats-server config of the OpenDay booth hub for booth \"" + request.booth + "\", written by `openday hub init`.\n" +
         "# Start it with: nats-server -c " + conf + "\n" +
         "# The hub accepts only TLS clients that log in with one of the device keys below.\n" +
         "server_name: \"openday-hub-" + request.booth + "\"\n" +
         "listen: \"" + request.listen + "\"\n" +
         "# Content bundles travel as one message.\n" +
         "max_payload: 8MB\n" +
         "tls {\n" +
         "  cert_file: \"" + (out / kHubCertFile).string() + "\"\n" +
         "  key_file: \"" + (out / kHubKeyFile).string() + "\"\n" +
         "  timeout: 5\n" +
         "}\n" +
         "jetstream {\n" +
         "  store_dir: \"" + store.string() + "\"\n" +
         "  max_file_store: 4GB\n" +
         "  max_memory_store: 256MB\n" +
         "}\n" +
         "authorization {\n" +
         "  users = [\n" + users +
         "  ]\n" +
         "}\n";
}

// Credentials of devices a previous setup named and this one does not would no longer log in.
void remove_stale_credentials(const fs::path& out, const std::vector<std::string>& devices) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".creds")) continue;
    const std::string device = name.substr(0, name.size() - 6);
    if (std::find(devices.begin(), devices.end(), device) == devices.end()) fs::remove(entry.path(), ec);
  }
}

}  // namespace

HubPermissions hub_permissions(std::string_view device) {
  const Who role = hub::is_desk_device(device) ? Who::Desk : Who::Kiosk;
  HubPermissions permissions;
  for (const PermissionRow& row : permission_table()) {
    if (row.who != Who::Every && row.who != role) continue;
    (row.grant == Grant::Publish ? permissions.publish : permissions.subscribe).push_back(row.subject(device));
  }
  return permissions;
}

HubSetupResult write_hub_setup(const HubSetupRequest& request) {
  HubSetupResult result;
  if (result.error = check_request(request); !result.error.empty()) return result;
  const Listen listen = *parse_listen(request.listen);
  std::error_code ec;
  const fs::path out = fs::absolute(request.out, ec).lexically_normal();
  if (ec) return HubSetupResult{"--out: " + request.out.string() + ": " + ec.message(), {}};
  const fs::path store = request.store.empty() ? out / "jetstream" : fs::absolute(request.store, ec).lexically_normal();
  if (ec) return HubSetupResult{"--store: " + request.store.string() + ": " + ec.message(), {}};
  if (result.error = prepare_out(out); !result.error.empty()) return result;

  SetupWriter writer(out, result);
  const auto ca_pem = write_certificates(writer, out, request, listen);
  if (!ca_pem) return result;

  // One content-signing key per booth: every device trusts its public half, only the desk signs.
  ContentSigningKey content_key = generate_content_signing_key();
  std::string users;
  for (const std::string& device : request.devices) {
    nkey::UserKey key = nkey::generate_user();
    users += user_entry(device, key.public_text);
    const auto signing_seed = hub::is_desk_device(device) ? std::optional(content_key.seed) : std::nullopt;
    const bool written =
        writer.write(device + ".creds", format_hub_credentials(request.booth, device, key.seed_text, *ca_pem, content_key.public_key, signing_seed));
    std::fill(key.seed_text.begin(), key.seed_text.end(), '\0');
    key.seed.fill(0);
    if (!written) {
      content_key.seed.fill(0);
      return result;
    }
  }
  content_key.seed.fill(0);
  if (!writer.write(kHubConfigFile, hub_config(request, out, store, users))) return result;
  remove_stale_credentials(out, request.devices);
  return result;
}

}  // namespace openday
