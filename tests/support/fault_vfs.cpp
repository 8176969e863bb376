#include "support/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace openday::testing {
namespace {

std::atomic<DiskFault> g_fault{DiskFault::None};
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

int fault_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  switch (g_fault.load()) {
    case DiskFault::Full: return SQLITE_FULL;
    case DiskFault::ReadOnly: return SQLITE_READONLY;
    case DiskFault::None: break;
  }
  return real_of(file)->pMethods->xWrite(real_of(file), data, amount, offset);
}

int fault_close(sqlite3_file* file) { return real_of(file)->pMethods->xClose(real_of(file)); }
int fault_read(sqlite3_file* f, void* d, int n, sqlite3_int64 o) { return real_of(f)->pMethods->xRead(real_of(f), d, n, o); }
int fault_truncate(sqlite3_file* f, sqlite3_int64 size) { return real_of(f)->pMethods->xTruncate(real_of(f), size); }
int fault_sync(sqlite3_file* f, int flags) { return real_of(f)->pMethods->xSync(real_of(f), flags); }
int fault_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int fault_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int fault_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int fault_check_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int fault_file_control(sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); }
int fault_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int fault_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int fault_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return real_of(f)->pMethods->xShmMap(real_of(f), region, size, extend, out);
}
int fault_shm_lock(sqlite3_file* f, int offset, int n, int flags) { return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags); }
void fault_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int fault_shm_unmap(sqlite3_file* f, int delete_flag) { return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag); }
int fault_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return real_of(f)->pMethods->xFetch(real_of(f), o, n, p); }
int fault_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), o, p); }

int fault_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* wrapper = reinterpret_cast<FaultFile*>(file);
  wrapper->base.pMethods = nullptr;
  if (g_fault.load() == DiskFault::ReadOnly && (flags & (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))) return SQLITE_CANTOPEN;
  wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
  const int rc = g_real->xOpen(g_real, name, wrapper->real, flags, out_flags);
  if (rc == SQLITE_OK && wrapper->real->pMethods) {
    g_methods.iVersion = wrapper->real->pMethods->iVersion;
    wrapper->base.pMethods = &g_methods;
  }
  return rc;
}

int fault_delete(sqlite3_vfs*, const char* name, int sync) { return g_real->xDelete(g_real, name, sync); }
int fault_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_real->xAccess(g_real, name, flags, out); }
int fault_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) { return g_real->xFullPathname(g_real, name, n, out); }
int fault_randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int fault_sleep(sqlite3_vfs*, int micros) { return g_real->xSleep(g_real, micros); }
int fault_current_time(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int fault_last_error(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int fault_current_time64(sqlite3_vfs*, sqlite3_int64* out) { return g_real->xCurrentTimeInt64(g_real, out); }

void register_once() {
  g_real = sqlite3_vfs_find(nullptr);
  std::memset(&g_methods, 0, sizeof g_methods);
  g_methods = {3, fault_close, fault_read, fault_write, fault_truncate, fault_sync, fault_file_size, fault_lock,
               fault_unlock, fault_check_reserved, fault_file_control, fault_sector_size, fault_device, fault_shm_map,
               fault_shm_lock, fault_shm_barrier, fault_shm_unmap, fault_fetch, fault_unfetch};
  std::memset(&g_vfs, 0, sizeof g_vfs);
  g_vfs.iVersion = 2;
  g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
  g_vfs.mxPathname = g_real->mxPathname;
  g_vfs.zName = "openday-fault";
  g_vfs.xOpen = fault_open;
  g_vfs.xDelete = fault_delete;
  g_vfs.xAccess = fault_access;
  g_vfs.xFullPathname = fault_full_pathname;
  g_vfs.xRandomness = fault_randomness;
  g_vfs.xSleep = fault_sleep;
  g_vfs.xCurrentTime = fault_current_time;
  g_vfs.xGetLastError = fault_last_error;
  g_vfs.xCurrentTimeInt64 = fault_current_time64;
  sqlite3_vfs_register(&g_vfs, 0);
}

}  // namespace

const char* fault_vfs_name() {
  static std::once_flag once;
  std::call_once(once, register_once);
  return g_vfs.zName;
}

void set_disk_fault(DiskFault fault) { g_fault.store(fault); }

}  // namespace openday::testing
