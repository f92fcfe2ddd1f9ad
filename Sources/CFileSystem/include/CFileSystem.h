#ifndef CFILESYSTEM_H
#define CFILESYSTEM_H

/// Swaps the two paths `a` and `b` in one step: after it, each names what
/// the other named, and there is no moment at which either is missing.
/// Linux: renameat2(RENAME_EXCHANGE); macOS: renamex_np(RENAME_SWAP).
/// Returns 0, or -1 with errno set (ENOSYS, EINVAL or ENOTSUP where the
/// system or the file system cannot swap: the caller renames instead).
int cfs_swap(const char *a, const char *b);

#include <stddef.h>

/// Writes `count` bytes to the C library's standard output (where Swift's
/// print writes) and flushes it. Returns 0, or -1 with errno set.
int cfs_write_stdout(const void *bytes, size_t count);

/// Flushes standard output. Returns 0, or -1 with errno set when this or
/// an earlier write to it failed.
int cfs_flush_stdout(void);

/// Opens a new file in `folder` that has no name (Linux's O_TMPFILE), for
/// reading and writing: nothing is left behind, however the program ends.
/// Returns its descriptor, or -1 with errno set (EOPNOTSUPP where the
/// system or the file system has none: the caller names one and removes
/// the name).
int cfs_open_unnamed(const char *folder);

#endif
