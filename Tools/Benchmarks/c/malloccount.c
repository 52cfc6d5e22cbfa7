/*
 * Counts heap allocations of a whole process (every thread): LD_PRELOAD=./libmalloccount.so.
 * malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign and valloc each count one
 * allocation and the bytes asked for (realloc counts as one); free is not counted. The counts are
 * relaxed atomics, read by the benchmarks with dlsym("lr_malloc_counts").
 *
 * The real functions are glibc's __libc_* entry points, so no dlsym is needed before the first
 * allocation. Build: gcc -O2 -shared -fPIC -o libmalloccount.so malloccount.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static uint64_t allocation_count;
static uint64_t allocation_bytes;

static inline void count(size_t bytes) {
    __atomic_fetch_add(&allocation_count, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&allocation_bytes, bytes, __ATOMIC_RELAXED);
}

void lr_malloc_counts(uint64_t *count_out, uint64_t *bytes_out) {
    if (count_out) *count_out = __atomic_load_n(&allocation_count, __ATOMIC_RELAXED);
    if (bytes_out) *bytes_out = __atomic_load_n(&allocation_bytes, __ATOMIC_RELAXED);
}

void *malloc(size_t size) {
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count(n * size);
    return __libc_calloc(n, size);
}

void *realloc(void *pointer, size_t size) {
    count(size);
    return __libc_realloc(pointer, size);
}

void free(void *pointer) { __libc_free(pointer); }

void *memalign(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *valloc(size_t size) {
    count(size);
    return __libc_memalign(4096, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    count(size);
    void *pointer = __libc_memalign(alignment, size);
    if (!pointer && size) return ENOMEM;
    *out = pointer;
    return 0;
}
