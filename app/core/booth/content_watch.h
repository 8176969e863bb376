#pragma once
// A kiosk taking the booth's content from the desk (issue 32): the latest bundle on the hub's
// content stream, opened against the content key of the kiosk's credentials and unpacked,
// validated, into a staging folder. Switching to it (at the next attract screen) is the caller's.
#include <filesystem>
#include <string>

#include "core/booth/config.h"
#include "core/booth/content_bundle.h"
#include "core/booth/hub_connection.h"
#include "core/booth/hub_credentials.h"

namespace openday {

// The latest message on the content stream, as a kiosk may read it (a direct message get).
struct LatestBundle {
  bool found = false;  // false: nothing published yet (or the stream does not exist yet)
  std::string bytes;
  std::string error;  // the hub could not be asked; found is false then
};
LatestBundle get_latest_bundle(HubConnection& hub);

struct ContentFetch {
  enum class Outcome {
    None,         // the hub holds no bundle
    SameVersion,  // the latest bundle is the content this device runs
    Staged,       // staged_content_dir and staged_quiz_file hold it, validated
    Refused,      // refusal says why (unsigned, signed by another key, another booth, invalid ...); nothing staged
    Unavailable,  // the hub could not be asked (refusal holds its error); try again later
  };
  Outcome outcome = Outcome::None;
  std::filesystem::path staged_content_dir, staged_quiz_file;
  std::string version;  // the bundle's content version, when one was read
  std::string refusal;
};

// Fetches, verifies and stages the latest bundle into <staging_root>/bundle-<version>; a
// bundle of current_version, or one already staged there, is not unpacked again.
ContentFetch fetch_latest_bundle(HubConnection& hub, const HubCredentials& credentials, const std::string& current_version,
                                 const std::filesystem::path& staging_root, int questions_per_round = Config{}.questions_per_round);

}  // namespace openday
