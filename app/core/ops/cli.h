#pragma once
// The command line of the kiosk. Parsing is pure so that it can be tested without a display.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/window_size.h"

namespace openday {

struct KioskOptions {
  std::optional<WindowSize> windowed;  // absent: borderless fullscreen kiosk mode
  std::filesystem::path content_dir;
  std::filesystem::path db_path;
  std::filesystem::path config_path;
  std::filesystem::path quiz_path;
  std::optional<int> idle_timeout_seconds;
  std::optional<int> idle_warning_seconds;
  std::string screen_route;  // empty: start on the attract screen
  std::optional<std::filesystem::path> screenshot;
  int screenshot_frames = 6;
  bool log_targets = false;  // developer: log every touch target's centre (end-to-end tests tap by id)
  bool log_frames = false;   // developer: log the wall clock of every frame presented (the tap benchmark)
  std::optional<std::string> role;  // --role kiosk|desk: overrides booth.role
};

struct StatsOptions {
  std::filesystem::path db_path;
  bool json = false;
  std::optional<std::string> date;  // YYYY-MM-DD, checked when parsed; absent: today
};

struct ValidateOptions {
  std::filesystem::path content_dir;
  std::filesystem::path quiz_path;
  std::filesystem::path config_path;
};

// The booth hub a command talks to: --hub URL and --hub-credentials FILE, else the config's
// booth.hub and booth.hub_credentials.
struct HubLinkOptions {
  std::optional<std::string> url;
  std::optional<std::filesystem::path> credentials;
  bool given() const { return url || credentials; }
};

struct RedeemOptions {
  std::filesystem::path db_path;
  bool db_given = false;  // with --hub: log the redemption there, and redeem its own codes while the hub is away
  std::string code;
  std::filesystem::path config_path;
  HubLinkOptions hub;  // given: any device's code, through the booth hub (issue 27)
};

struct SimulateOptions {
  std::filesystem::path db_path;
  std::filesystem::path content_dir;
  std::filesystem::path quiz_path;
  std::filesystem::path config_path;
  int visitors = 0;
  std::uint64_t seed = 0;
  std::optional<int> stock;
  std::optional<std::string> date;  // YYYY-MM-DD; absent: today
  HubLinkOptions hub;               // given: the simulated day is uploaded as the credentials' device
};

struct ExportOptions {
  std::vector<std::filesystem::path> db_paths;
  std::filesystem::path out_dir;
  std::optional<std::string> from, to;  // YYYY-MM-DD
  std::string format = "all";           // csv | xlsx | all
  std::filesystem::path content_dir, quiz_path, config_path;
};

// `openday search [--content DIR] [--json] QUERY` (issue 14).
struct SearchOptions {
  std::filesystem::path content_dir;
  bool json = false;
  std::string query;  // pinyin initials (DBJ) or Chinese words (低保)
};

// `openday handwriting [--content DIR] [--json]` (issue 31): one character's strokes as JSON on
// standard input, the candidates the search screen's 手写 pad would show.
struct HandwritingOptions {
  std::filesystem::path content_dir;
  std::filesystem::path model;  // default: the Debian model (core/handwriting/recognizer.h)
  bool json = false;
  bool rerank = true;  // --no-rerank: Zinnia's own order
  std::string query;   // --query: what the search box holds already (its continuations rank first)
};

struct SetPinOptions {
  std::filesystem::path db_path;
};

// `openday content template|export|import`: content from department workbooks (issue 11).
struct ContentOptions {
  std::filesystem::path content_dir;              // export: the content to write out
  std::filesystem::path out;                      // template: FILE.xlsx; export: FOLDER; import: DIR
  std::vector<std::filesystem::path> workbooks;   // import
  std::optional<std::filesystem::path> event_file;  // import: event.json (default: the one in --out)
  bool replace = false;                           // import: --out may exist and is replaced
};

// `openday tally add|list` (issue 12): the staff desk's tally from a laptop.
struct TallyOptions {
  std::filesystem::path db_path;
  std::filesystem::path content_dir;  // departments are checked against it
  std::string kind;                   // add: consultation | answer | problem | handbook | leaflet (checked when parsed)
  std::string department;             // add: a department id, or empty
  std::string category;               // add: a problem category id, or empty
  std::int64_t count = 1;             // add: 1 .. kMaxTallyCount (checked when parsed)
  std::optional<std::string> date;    // list: YYYY-MM-DD; absent: today
};

// `openday speak [--wav FILE] TEXT`: the speakers' test for staff, and the tests' way to hear.
struct SpeakOptions {
  std::optional<std::filesystem::path> wav;  // absent: play it
  std::string text;                          // the words after the options, joined by spaces
};

// `openday doctor`: the pre-flight check's files (defaults: the installed or build-tree ones).
struct DoctorOptions {
  std::filesystem::path db_path;
  std::filesystem::path content_dir;
  std::filesystem::path quiz_path;
  std::filesystem::path config_path;
  int kiosks = 1;  // kiosks at the booth: with more than one, each needs its own kiosk id
};

// `openday hub init|sync|status` (issue 32): the booth hub.
struct HubInitOptions {
  std::string booth;
  std::vector<std::string> devices;
  std::string listen = "0.0.0.0:4222";
  std::filesystem::path store;  // default: <out>/jetstream
  std::filesystem::path out;
  std::vector<std::string> names;  // more host names or addresses for the hub's certificate
};

struct HubSyncOptions {
  std::filesystem::path db_path;
  std::filesystem::path config_path;
  HubLinkOptions hub;
  int timeout_seconds = 120;  // give up when not caught up by then (exit 9)
};

struct HubStatusOptions {
  std::filesystem::path config_path;
  HubLinkOptions hub;
  bool json = false;
};

// `openday hub stock set N | show [--json]` (issue 27): the booth's prize stock on the hub.
struct HubStockOptions {
  std::filesystem::path config_path;
  HubLinkOptions hub;
  std::optional<std::int64_t> set;  // none: show
  bool json = false;
};

// `openday hub publish-content` (the desk) and `openday hub fetch-content` (a kiosk, or a test):
// the booth's content as one signed bundle (issue 32).
struct HubPublishContentOptions {
  std::filesystem::path content_dir;
  std::filesystem::path quiz_path;
  std::filesystem::path config_path;
  HubLinkOptions hub;
};

struct HubFetchContentOptions {
  std::filesystem::path out;  // the folder the bundle is unpacked into: OUT/content and OUT/questions.json
  std::filesystem::path config_path;
  HubLinkOptions hub;
};

// `openday status [--db FILE | --file FILE]`: the status file to print; the later flag wins.
struct StatusOptions {
  std::filesystem::path file;  // default: the one beside the default database
};

// `openday print` (issue 30): a slip to a PDF (--item or --voucher with --pdf), or the test slip
// to the configured printer (--test).
struct PrintOptions {
  std::filesystem::path content_dir;
  std::filesystem::path config_path;
  std::filesystem::path db_path;
  std::string item_id;                       // --item ID: the 办事指南 of an approval item
  std::string voucher_code;                  // --voucher CODE: the 兑奖凭条 of a voucher in --db
  std::optional<std::filesystem::path> pdf;  // --pdf FILE: write the slip there instead of printing
  std::optional<std::string> paper;          // --paper 80mm|A4 (checked when parsed); absent: printer.paper
  bool test = false;                         // --test: a test slip to printer.name
};

enum class CommandKind { RunKiosk, Help, Version, Stats, Validate, Redeem, Simulate, Export, SetPin,
                         ContentTemplate, ContentExport, ContentImport, TallyAdd, TallyList, Speak, Search, Doctor, Status,
                         HubInit, HubSync, HubStatus, HubPublishContent, HubFetchContent, HubStock,
                         Handwriting,
                         Print };

struct CommandLine {
  CommandKind kind = CommandKind::RunKiosk;
  KioskOptions kiosk;
  StatsOptions stats;
  ValidateOptions validate;
  RedeemOptions redeem;
  SimulateOptions simulate;
  ExportOptions export_;
  SetPinOptions set_pin;
  ContentOptions content;
  TallyOptions tally;
  SpeakOptions speak;
  SearchOptions search;
  HandwritingOptions handwriting;  // issue 31
  DoctorOptions doctor;
  StatusOptions status;
  HubInitOptions hub_init;
  HubSyncOptions hub_sync;
  HubStatusOptions hub_status;
  HubPublishContentOptions hub_publish_content;
  HubFetchContentOptions hub_fetch_content;
  HubStockOptions hub_stock;
  PrintOptions print;  // issue 30
  std::string subcommand_help;  // Help asked after a subcommand (`openday stats --help`): its options
};

struct CommandLineParse {
  std::optional<CommandLine> command;  // absent on error
  std::string error;                   // names the flag and what is wrong
};

// args excludes argv[0].
CommandLineParse parse_command_line(std::span<const std::string_view> args);

// routes: the screen routes --screen accepts, each "route  description".
std::string help_text(std::span<const std::string> routes);

}  // namespace openday
