#pragma once
// The bodies of openday's commands, one file per group; main.cpp only parses and dispatches.
// Each returns the process's exit code and prints what it has to say itself.
#include "core/ops/cli.h"

namespace openday::commands {

// Exit codes, as the README lists them ("Exit codes: 0 fine, 1 unexpected error ...").
inline constexpr int kExitUnexpected = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitConfig = 3;
inline constexpr int kExitFonts = 4;
inline constexpr int kExitDisplay = 5;
inline constexpr int kExitDatabase = 6;
inline constexpr int kExitContent = 7;
inline constexpr int kExitExport = 8;
inline constexpr int kExitHub = 9;  // the booth hub could not be reached, refused us, or we could not catch up
inline constexpr int kExitUnknownVoucher = 10;
inline constexpr int kExitVoucherAlreadyRedeemed = 11;
inline constexpr int kExitNoSpeech = 12;
inline constexpr int kExitVoucherHubUnreachable = 13;  // voucher redeem --hub: the hub is away and the code is not this device's
inline constexpr int kExitPrint = 14;  // print: the slip could not be written or printed (no printer, CUPS refused it)
// Issue 31, `openday handwriting`:
inline constexpr int kExitStrokes = 16;             // the strokes on standard input cannot be read
inline constexpr int kExitNoHandwritingModel = 17;  // the Zinnia model is missing or unreadable

// kiosk.cpp: the kiosk itself.
int run_kiosk(const KioskOptions& options);

// content.cpp: checking, searching and moving the content.
int run_validate(const ValidateOptions& options);
int run_search(const SearchOptions& options);
int run_content_template(const ContentOptions& options);
int run_content_export(const ContentOptions& options);
int run_content_import(const ContentOptions& options);

// staff.cpp: what the staff do from a laptop: the PIN, the prize desk, the desk tally.
int run_set_pin(const SetPinOptions& options);
int run_redeem(const RedeemOptions& options);
int run_tally_add(const TallyOptions& options);
int run_tally_list(const TallyOptions& options);

// reports.cpp: the counts.
int run_stats(const StatsOptions& options);
int run_export(const ExportOptions& options);

// ops.cpp: running and checking a kiosk.
int run_simulate(const SimulateOptions& options);
int run_speak(const SpeakOptions& options);
int run_doctor(const DoctorOptions& options);
int run_status(const StatusOptions& options);

// booth.cpp: the booth hub.
int run_hub_init(const HubInitOptions& options);
int run_hub_sync(const HubSyncOptions& options);
int run_hub_status(const HubStatusOptions& options);

// prizes.cpp: the booth's prize stock and vouchers on the hub (issue 27).
int run_hub_stock(const HubStockOptions& options);
int run_redeem_through_hub(const RedeemOptions& options);

// content_bundle.cpp: the booth's content from the desk to the kiosks.
int run_hub_publish_content(const HubPublishContentOptions& options);
int run_hub_fetch_content(const HubFetchContentOptions& options);

// handwriting.cpp: the 手写 pad's recognizer from the command line (issue 31).
int run_handwriting(const HandwritingOptions& options);
// print.cpp: slips on paper or as PDF (issue 30).
int run_print(const PrintOptions& options);

}  // namespace openday::commands
