#include "core/quiz/qr.h"

#include <qrencode.h>

#include <string>

namespace openday {

QrCode make_qr_code(std::string_view text) {
  const std::string owned(text);
  QRcode* code = QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  QrCode result;
  if (!code) return result;
  result.size = code->width;
  result.modules.resize(static_cast<std::size_t>(code->width * code->width));
  for (std::size_t i = 0; i < result.modules.size(); ++i) result.modules[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return result;
}

}  // namespace openday
