#pragma once
// The print button of a screen (issue 30) and the line under it that follows the job: 正在打印,
// 请取走凭条, 打印机暂不可用, or (a voucher) 兑奖凭条已经打印过了. Drawn only when the config names a
// printer. The tap only queues the slip (print::SlipPrinter): the frame never waits on CUPS.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"

namespace openday::ui {

// What a print button remembers between frames (a member of its screen).
struct PrintButtonState {
  std::optional<std::uint64_t> ticket;  // the job of the last tap
  bool already_printed = false;         // the tap was refused: this voucher's slip was printed
  bool failure_logged = false;          // print_failed logged for this ticket
};

struct PrintButtonSpec {
  const char* id;  // the tap target's id: print.guide, print.voucher
  Text label;      // PrintGuideButton or PrintVoucherButton
  // Queues the slip; nullopt when it may not be printed again (returns the queue's ticket).
  std::function<std::optional<std::uint64_t>(print::SlipPrinter&)> submit;
  // The event logged with the tap (and, with target set, when the slip did not print).
  Event event;
  // Declared one of the screen's primary actions (ui/page.h): in view on arrival.
  bool primary = true;
};

// Draws the button at pos within width and the status beside or under it. Returns the height
// used; 0 (and nothing drawn) without a printer.
float print_button_row(ScreenContext& ctx, PrintButtonState& state, const PrintButtonSpec& spec, ImVec2 pos, float width);

}  // namespace openday::ui
