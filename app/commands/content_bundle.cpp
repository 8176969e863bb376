// `openday hub publish-content` and `openday hub fetch-content` (issue 32): the desk publishes
// the booth's validated content as one signed bundle; a kiosk (or an operator, or a test) fetches
// the latest one, verifies it against the booth's content key, unpacks and validates it.
#include <cstdio>
#include <filesystem>
#include <string>

#include "commands/booth_link.h"
#include "commands/commands.h"
#include "commands/loading.h"
#include "core/booth/content_bundle.h"
#include "core/booth/content_watch.h"
#include "core/booth/hub_connection.h"
#include "core/booth/hub_subjects.h"

namespace openday::commands {
namespace {

// An 8 MiB message takes longer than the usual 2 s to be stored and acknowledged.
constexpr std::int64_t kPublishWaitMs = 30000;

std::string publish_bundle(HubConnection& hub, const std::string& bytes) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = kPublishWaitMs;
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const std::string subject(hub::kContentSubject);
  const natsStatus status = js_Publish(&ack, hub.jetstream(), subject.c_str(), bytes.data(), static_cast<int>(bytes.size()), &options, &code);
  if (ack) jsPubAck_Destroy(ack);
  if (status == NATS_OK) return "";
  const std::string refused = hub.last_async_error();
  return "cannot publish the bundle on " + subject + ": " + nats_error_text(status) +
         (code != 0 ? " (JetStream error " + std::to_string(static_cast<int>(code)) + ")" : "") + (refused.empty() ? "" : "; the hub said: " + refused);
}

}  // namespace

int run_hub_publish_content(const HubPublishContentOptions& options) {
  constexpr const char* who = "openday hub publish-content";
  int exit_code = 0;
  // Invalid content never leaves the desk: the same check as `openday validate`, first.
  if (!load_config_and_material(options.config_path, options.content_dir, options.quiz_path, who, exit_code)) return exit_code;
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  if (!link->credentials.content_signing_seed) {
    std::fprintf(stderr, "%s: %s: these are the credentials of device '%s', which holds no content_signing_seed; only the desk's credentials sign content\n",
                 who, link->credentials.file.c_str(), link->credentials.device.c_str());
    return kExitConfig;
  }
  const BundlePack pack = pack_content_bundle(options.content_dir, options.quiz_path, link->credentials.booth, *link->credentials.content_signing_seed);
  if (!pack.error.empty()) {
    std::fprintf(stderr, "%s: %s\n", who, pack.error.c_str());
    return kExitContent;
  }
  auto hub = connect_or_report(*link, who);
  if (!hub) return kExitHub;
  if (const std::string problem = ensure_booth_streams(**hub); !problem.empty()) {
    std::fprintf(stderr, "%s: %s\n", who, problem.c_str());
    return kExitHub;
  }
  if (const std::string problem = publish_bundle(**hub, pack.bytes); !problem.empty()) {
    std::fprintf(stderr, "%s: %s\n", who, problem.c_str());
    return kExitHub;
  }
  std::printf("published content version %s of booth %s (%zu files, %zu bytes)\n", pack.version.c_str(), link->credentials.booth.c_str(),
              pack.file_count, pack.bytes.size());
  return 0;
}

int run_hub_fetch_content(const HubFetchContentOptions& options) {
  constexpr const char* who = "openday hub fetch-content";
  int exit_code = 0;
  int questions_per_round = Config{}.questions_per_round;
  std::error_code ec;
  if (std::filesystem::exists(options.config_path, ec)) {
    const auto config = load_config(options.config_path);
    if (!config) return kExitConfig;
    questions_per_round = config->questions_per_round;
  }
  const auto link = resolve_hub_link(options.hub, options.config_path, who, exit_code);
  if (!link) return exit_code;
  auto hub = connect_or_report(*link, who);
  if (!hub) return kExitHub;
  const LatestBundle latest = get_latest_bundle(**hub);
  if (!latest.found) {
    std::fprintf(stderr, "%s: %s\n", who, latest.error.empty() ? "the hub holds no content bundle yet (publish one from the desk)" : latest.error.c_str());
    return kExitHub;
  }
  const BundleOpen opened = open_content_bundle(latest.bytes, link->credentials.content_public_key, link->credentials.booth);
  if (!opened.bundle) {
    std::fprintf(stderr, "%s: refused: %s\n", who, opened.refusal.c_str());
    return kExitContent;
  }
  const BundleUnpack unpacked = unpack_content_bundle(*opened.bundle, options.out, questions_per_round);
  if (!unpacked.ok()) {
    std::fprintf(stderr, "%s: refused: %s\n", who, unpacked.error.c_str());
    return kExitContent;
  }
  std::printf("content version %s of booth %s\n%s\n%s\n", opened.bundle->header.version.c_str(), opened.bundle->header.booth.c_str(),
              unpacked.content_dir.c_str(), unpacked.quiz_file.c_str());
  return 0;
}

}  // namespace openday::commands
