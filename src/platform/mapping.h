/* mapping.h - windows of an object mapped into memory, and what the system
 * says of their pages.
 *
 * What mapping can do to you, said once here:
 *  - Touching a mapped page past the end of a file that shrank raises SIGBUS
 *    (on Windows an in-page error).  Every access to mapped bytes must
 *    therefore run inside platform_guard(), which turns that into an
 *    ordinary error return.
 *  - Mapping a zero-length object succeeds and faults on the first touch, so
 *    callers refuse empty objects before they map.
 *  - msync() on a MAP_PRIVATE mapping writes nothing back: private pages are
 *    copies, and only an explicit write of the bytes reaches the object.
 *
 * Calls return 0 or an errno value, as files.h says. */
#ifndef MAPSCOPE_PLATFORM_MAPPING_H
#define MAPSCOPE_PLATFORM_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"
#include "platform/procfs.h"

typedef enum {
   PLATFORM_MAP_READ,      /* PROT_READ,  MAP_SHARED  */
   PLATFORM_MAP_SHARED,    /* PROT_READ|PROT_WRITE, MAP_SHARED */
   PLATFORM_MAP_PRIVATE    /* PROT_READ|PROT_WRITE, MAP_PRIVATE: copy-on-write */
} PlatformMapMode;

/* The size of a page, and the alignment of every mapping's offset. */
size_t platform_page_size(void);

/* Map LEN bytes of FD at OFFSET (a multiple of the page size). */
int platform_map(PlatformHandle fd, uint64_t offset, size_t len, PlatformMapMode mode,
                 bool populate, void **addr);
void platform_unmap(void *addr, size_t len);

/* An anonymous private mapping of LEN bytes (copies of what cannot be
 * mapped copy-on-write). */
int platform_map_anonymous(size_t len, void **addr);

/* Run FN(CTX).  If it touches a mapped page that no longer exists (SIGBUS),
 * the call is abandoned and EFAULT is returned with *fault_addr set.  FN must
 * not hold locks or allocate: it may be left at any instruction. */
int platform_guard(void (*fn)(void *ctx), void *ctx, void **fault_addr);

/* memcpy() under platform_guard(): 0, or EFAULT when a page of either side
 * is gone (the mapped object shrank). */
int platform_guarded_copy(void *dst, const void *src, size_t len);

/* Page residency of the mapping [ADDR, ADDR+LEN) (ADDR page-aligned): one
 * byte per page in VEC, non-zero when the page is in memory (mincore()).
 * For a file its caller neither owns nor may write, mincore() calls every
 * page resident: what is shown to a user goes through
 * platform_cache_pages() below instead. */
int platform_residency(const void *addr, size_t len, unsigned char *vec);

/* What is known of each page of an object: the truth, or nothing.
 *
 * mincore() (mm/mincore.c) answers for a file's pages only to a caller who
 * owns the file or may write it (can_do_mincore(), Linux 5.0 on); to
 * anyone else it reports every page resident.  cachestat(2) (Linux 6.5,
 * syscall 451; glibc 2.36 has no wrapper) counts a range's pages cached,
 * dirty, under writeback, evicted and recently evicted, and refuses
 * (EPERM) whom mincore() would lie to.  So a page is KNOWN only when one
 * of them told the truth; otherwise it is unknown, never "resident". */
enum {
   PLATFORM_CACHE_KNOWN     = 1,   /* the flags below are the truth */
   PLATFORM_CACHE_RESIDENT  = 2,   /* in memory */
   PLATFORM_CACHE_DIRTY     = 4,   /* changed in memory, not yet written back */
   PLATFORM_CACHE_WRITEBACK = 8,   /* being written back now */
   PLATFORM_CACHE_EVICTED   = 16,  /* was in memory and was evicted */
   PLATFORM_CACHE_RECENT    = 32   /* ... recently (its refault would be active) */
};

/* Who said it. */
typedef enum {
   PLATFORM_RESIDENCY_CACHESTAT,   /* cachestat(2), one call per page */
   PLATFORM_RESIDENCY_MINCORE,     /* mincore(2), where it tells the truth */
   PLATFORM_RESIDENCY_UNKNOWN      /* nothing tells the truth: every page unknown */
} PlatformResidency;

/* The pages [OFFSET, OFFSET + NPAGES pages) of the object behind H (OFFSET
 * page-aligned), mapped at ADDR (page-aligned, or NULL when not mapped):
 * one PLATFORM_CACHE_* byte each in STATE, from cachestat(2), else from
 * mincore(2) when it tells this caller the truth.  *HOW says which; *WHY
 * is cachestat's errno when it was not used (EPERM: refused to this user,
 * ENOSYS: the kernel has none), 0 otherwise.  Returns 0 (even when
 * nothing is known) or an errno value. */
int platform_cache_pages(PlatformHandle h, uint64_t offset, const void *addr, size_t npages,
                         unsigned char *state, PlatformResidency *how, int *why);

/* The same for memory that is no file's page cache: anonymous memory and
 * System V segments, whose pages mincore() reports truthfully to every
 * caller (ipc/shm.c makes a segment's inode mode 0777, so
 * can_do_mincore() passes).  No eviction is known there. */
int platform_memory_pages(const void *addr, size_t npages, unsigned char *state,
                          PlatformResidency *how);

/* The memory figures of this process's own mappings that meet [ADDR,
 * ADDR + LEN), summed (Linux: platform_proc_regions() of this process,
 * procmem.h: the smaps figures); *REGION gets the bytes of those mappings
 * (a mapping is often larger than the part of it asked about).  ENOENT
 * when nothing is mapped there; FIGURES->known false when the figures
 * could not be read. */
int platform_mapping_figures(const void *addr, size_t len, PlatformMemFigures *figures,
                             uint64_t *region);

/* How platform_map() spells MODE: the prot and flags of the real call
 * ("PROT_READ", "MAP_SHARED" ...), for the screen that explains it. */
const char *platform_map_prot_name(PlatformMapMode mode);
const char *platform_map_flags_name(PlatformMapMode mode, bool populate);

/* Page flags (Linux: /proc/self/pagemap), one byte per page of NPAGES pages
 * starting at the page-aligned ADDR.  A page of a MAP_PRIVATE file mapping
 * that copy-on-write has copied is present but no longer a file page. */
enum {
   PLATFORM_PAGE_PRESENT   = 1,   /* in memory */
   PLATFORM_PAGE_SWAPPED   = 2,
   PLATFORM_PAGE_FILE      = 4,   /* a page-cache page (or shared anonymous) */
   PLATFORM_PAGE_EXCLUSIVE = 8,   /* mapped by this process only */
   PLATFORM_PAGE_PFN_HIDDEN = 16  /* present, its frame number withheld from this
                                   * reader (Linux: without CAP_SYS_ADMIN); the
                                   * flags above are told all the same */
};
int platform_page_flags(const void *addr, size_t npages, unsigned char *flags);

#endif
