#pragma once
// For `openday doctor`: opens the display the kiosk would use and reads the primary monitor's mode.
#include "core/staff/doctor.h"

namespace openday::platform {

DisplayProbe probe_display();

}  // namespace openday::platform
