#include "core/booth/content_watch.h"

#include "core/booth/hub_subjects.h"
#include "core/content/content_version.h"

namespace openday {

LatestBundle get_latest_bundle(HubConnection& hub) {
  const std::string stream(hub::kContentStream);
  const std::string subject(hub::kContentSubject);
  natsMsg* message = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus status = js_GetLastMsg(&message, hub.jetstream(), stream.c_str(), subject.c_str(), nullptr, &code);
  if (status == NATS_NOT_FOUND || code == JSNoMessageFoundErr || code == JSStreamNotFoundErr) {
    if (message) natsMsg_Destroy(message);
    return LatestBundle{false, "", ""};
  }
  if (status != NATS_OK) {
    if (message) natsMsg_Destroy(message);
    return LatestBundle{false, "", "cannot read the content stream " + stream + " at the hub: " + nats_error_text(status) +
                                       (code != 0 ? " (JetStream error " + std::to_string(static_cast<int>(code)) + ")" : "")};
  }
  LatestBundle latest{true, std::string(natsMsg_GetData(message), static_cast<std::size_t>(natsMsg_GetDataLength(message))), ""};
  natsMsg_Destroy(message);
  return latest;
}

ContentFetch fetch_latest_bundle(HubConnection& hub, const HubCredentials& credentials, const std::string& current_version,
                                 const std::filesystem::path& staging_root, int questions_per_round) {
  ContentFetch fetch;
  const LatestBundle latest = get_latest_bundle(hub);
  if (!latest.error.empty()) {
    fetch.outcome = ContentFetch::Outcome::Unavailable;
    fetch.refusal = latest.error;
    return fetch;
  }
  if (!latest.found) return fetch;
  BundleOpen opened = open_content_bundle(latest.bytes, credentials.content_public_key, credentials.booth);
  if (!opened.bundle) {
    fetch.outcome = ContentFetch::Outcome::Refused;
    fetch.refusal = opened.refusal;
    return fetch;
  }
  fetch.version = opened.bundle->header.version;
  if (fetch.version == current_version) {
    fetch.outcome = ContentFetch::Outcome::SameVersion;
    return fetch;
  }
  // The version is hex digits (open_content_bundle checked it): a safe folder name.
  const std::filesystem::path target = staging_root / ("bundle-" + fetch.version);
  // Staged at an earlier call and not switched to yet: left as it is, as the caller may be
  // loading it right now.
  if (content_version(target / kBundleContentFolder, target / kBundleQuizFile) == fetch.version) {
    fetch.outcome = ContentFetch::Outcome::Staged;
    fetch.staged_content_dir = target / kBundleContentFolder;
    fetch.staged_quiz_file = target / kBundleQuizFile;
    return fetch;
  }
  const BundleUnpack unpacked = unpack_content_bundle(*opened.bundle, target, questions_per_round);
  if (!unpacked.ok()) {
    fetch.outcome = ContentFetch::Outcome::Refused;
    fetch.refusal = unpacked.error;
    return fetch;
  }
  fetch.outcome = ContentFetch::Outcome::Staged;
  fetch.staged_content_dir = unpacked.content_dir;
  fetch.staged_quiz_file = unpacked.quiz_file;
  return fetch;
}

}  // namespace openday
