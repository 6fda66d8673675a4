/* tour_internal.h - shared by the tour's files (tour.c and the steps). */
#ifndef MAPSCOPE_TOUR_INTERNAL_H
#define MAPSCOPE_TOUR_INTERNAL_H

#include "app/tour.h"

#include <stdbool.h>
#include <stdint.h>

#include "platform/files.h"

/* The data file: sparse, a marker at each of these offsets. */
#define TOUR_DATA_SIZE 0x100020000ULL          /* 4 GiB + 128 KiB */
#define TOUR_SMALL_SIZE 0x20000ULL             /* 128 KiB: where files keep no holes */
#define TOUR_LOW_OFFSET 0x10000ULL             /* 64 KiB: the low word only */
#define TOUR_HIGH_OFFSET 0x100010000ULL        /* 4 GiB + 64 KiB: both words */
#define TOUR_UNALIGNED 0x11234ULL              /* step 2's request */
#define TOUR_SHM_SIZE 4096u

struct Tour {
   int pid;
   char base[48];                 /* "mapscope-tour-PID" */
   char dir[512];                 /* the private directory */
   char data[600], empty[600], cow[600];
   char shm[64], hdr[64], clash[64], clash_shm[72], ns[64];
   unsigned swept, stale_kept;    /* killed tours' leftovers removed, and left */
   uint32_t ns_key;               /* the System V key step 8 uses inside */
   bool sparse;                   /* the data file has holes: TOUR_DATA_SIZE long,
                                   * else TOUR_SMALL_SIZE, without the view past 4 GiB */
   bool made_dir, made_data, made_empty, made_cow;
   bool made_shm, made_hdr, made_clash, made_clash_twin;
   PlatformHandle shm_fd;         /* step 4's object, mapped at shm_addr */
   void *shm_addr;
   void *clash_sem;
};

typedef void (*TourStepFn)(Tour *t, TourText *out);

/* The steps (tour_map.c: 1, 2, 3, 6, 10; tour_names.c: 4, 5, 7, 8, 9). */
void tour_step_aligned(Tour *t, TourText *out);
void tour_step_unaligned(Tour *t, TourText *out);
void tour_step_empty(Tour *t, TourText *out);
void tour_step_named(Tour *t, TourText *out);
void tour_step_excl(Tour *t, TourText *out);
void tour_step_cow(Tour *t, TourText *out);
void tour_step_clash(Tour *t, TourText *out);
void tour_step_namespaces(Tour *t, TourText *out);
void tour_step_header(Tour *t, TourText *out);
void tour_step_unmap(Tour *t, TourText *out);

/* "EINVAL (Invalid argument)", "0 (success)". */
const char *tour_errno(int err, char *buf, size_t bufsz);
/* Step 4's object, made when missing (steps 5 and 9 need it); 0 or errno. */
int tour_need_shm(Tour *t);
/* The text at P (N bytes at most) up to its first newline or NUL, quoted
 * and escaped: "here is offset 0x10000"\n. */
void tour_preview(const unsigned char *p, size_t n, char *out, size_t outsz);

#endif
