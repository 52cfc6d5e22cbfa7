// Typed, non-variadic wrappers around libcurl's variadic setopt/getinfo calls, which Swift
// cannot call directly. Each wrapper fixes the argument type for one family of options.
#ifndef LR_CLIBCURL_SHIM_H
#define LR_CLIBCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode lr_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lr_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lr_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lr_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode lr_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*lr_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode lr_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, lr_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode lr_curl_easy_setopt_opensocket(CURL *handle, curl_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLcode lr_curl_easy_setopt_closesocket(CURL *handle, curl_closesocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_CLOSESOCKETFUNCTION, callback);
}

// CURLOPT_PREREQFUNCTION exists since libcurl 7.80; older ones get CURLE_UNKNOWN_OPTION.
typedef int (*lr_curl_prereq_callback)(void *clientp, char *conn_primary_ip, char *conn_local_ip,
                                       int conn_primary_port, int conn_local_port);

static inline CURLcode lr_curl_easy_setopt_prereq(CURL *handle, lr_curl_prereq_callback callback) {
#if LIBCURL_VERSION_NUM >= 0x075000
    return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, callback);
#else
    (void)handle;
    (void)callback;
    return CURLE_UNKNOWN_OPTION;
#endif
}

static inline CURLcode lr_curl_easy_setopt_prereq_data(CURL *handle, void *data) {
#if LIBCURL_VERSION_NUM >= 0x075000
    return curl_easy_setopt(handle, CURLOPT_PREREQDATA, data);
#else
    (void)handle;
    (void)data;
    return CURLE_UNKNOWN_OPTION;
#endif
}

static inline CURLcode lr_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode lr_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode lr_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

// Sets the exact request body: POSTFIELDSIZE_LARGE first, so COPYPOSTFIELDS copies `length`
// bytes (NULs included) into libcurl's own buffer; the caller's memory may go away afterwards.
// An empty body points POSTFIELDS at a static empty string, so "Content-Length: 0" is sent.
static inline CURLcode lr_curl_easy_set_body(CURL *handle, const void *bytes, curl_off_t length) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, length);
    if (code != CURLE_OK) {
        return code;
    }
    if (length == 0 || bytes == NULL) {
        return curl_easy_setopt(handle, CURLOPT_POSTFIELDS, "");
    }
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, bytes);
}

static inline CURLMcode lr_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}


static inline CURLMcode lr_curl_multi_setopt_socket_function(CURLM *handle, curl_socket_callback callback) {
    return curl_multi_setopt(handle, CURLMOPT_SOCKETFUNCTION, callback);
}

static inline CURLMcode lr_curl_multi_setopt_socket_data(CURLM *handle, void *data) {
    return curl_multi_setopt(handle, CURLMOPT_SOCKETDATA, data);
}

#if defined(__linux__)
#include <pthread.h>
// Names the calling thread (at most 15 bytes are kept), as `top -H`, gdb and /proc/self/task/*/comm
// show it. glibc declares pthread_setname_np only under _GNU_SOURCE, which Swift's Glibc module
// is not built with, so the declaration is repeated here at block scope.
static inline int lr_set_current_thread_name(const char *name) {
    extern int pthread_setname_np(pthread_t thread, const char *name);
    return pthread_setname_np(pthread_self(), name);
}

#include <sys/syscall.h>
#include <unistd.h>
// The kernel's id of the calling thread (its /proc/self/task/<id> entry); syscall() is variadic.
static inline long lr_current_thread_kernel_id(void) {
    return syscall(SYS_gettid);
}

#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
// epoll for the transport's socket-driven loop. `struct epoll_event` is packed on x86-64, which
// Swift does not import reliably, so these helpers take and return plain values.

// Watches `fd` for what libcurl's socket callback asked (`CURL_POLL_IN`, `_OUT` or `_INOUT`),
// adding it when it is not watched yet. Level-triggered.
static inline int lr_epoll_watch(int epoll, int fd, int what) {
    struct epoll_event event = {0};
    event.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0);
    event.data.fd = fd;
    if (epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event) == 0) {
        return 0;
    }
    if (errno != ENOENT) {
        return -1;
    }
    return epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
}

// Watches `fd`, which the caller knows to be in the set already (`modify`) or not (`add`), for
// `what` as above: one `epoll_ctl` where `lr_epoll_watch` may need two.
static inline int lr_epoll_change(int epoll, int fd, int what, int modify) {
    struct epoll_event event = {0};
    event.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0);
    event.data.fd = fd;
    if (epoll_ctl(epoll, modify ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) == 0) {
        return 0;
    }
    return lr_epoll_watch(epoll, fd, what); // the caller's belief was wrong: find out
}

static inline int lr_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

static inline int lr_epoll_unwatch(int epoll, int fd) {
    struct epoll_event event = {0};
    return epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event);
}

// Waits up to `timeout` ms; writes each ready descriptor to `fds` and its readiness, as the
// `CURL_CSELECT_*` bits `curl_multi_socket_action` takes, to `events`.
static inline int lr_epoll_wait(int epoll, int *fds, int *events, int capacity, int timeout) {
    struct epoll_event ready[64];
    if (capacity > 64) {
        capacity = 64;
    }
    int count = epoll_wait(epoll, ready, capacity, timeout);
    for (int index = 0; index < count; index++) {
        fds[index] = ready[index].data.fd;
        uint32_t got = ready[index].events;
        events[index] = ((got & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) ? CURL_CSELECT_IN : 0)
            | ((got & EPOLLOUT) ? CURL_CSELECT_OUT : 0) | ((got & EPOLLERR) ? CURL_CSELECT_ERR : 0);
    }
    return count;
}

static inline int lr_eventfd_create(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

static inline void lr_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written = write(fd, &one, sizeof one);
    (void)written; // EAGAIN: the counter is already non-zero, the waiter wakes anyway
}

static inline void lr_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t got = read(fd, &value, sizeof value);
    (void)got;
}

static inline int lr_timerfd_create(void) {
    return timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
}

// Arms `fd` to fire once at `deadline`, CLOCK_MONOTONIC milliseconds (at once when it has passed).
static inline int lr_timerfd_arm(int fd, int64_t deadline) {
    struct itimerspec when = {0};
    if (deadline < 1) {
        deadline = 1; // 0 would disarm it
    }
    when.it_value.tv_sec = deadline / 1000;
    when.it_value.tv_nsec = (deadline % 1000) * 1000000;
    return timerfd_settime(fd, TFD_TIMER_ABSTIME, &when, NULL);
}

// CLOCK_MONOTONIC in milliseconds.
static inline int64_t lr_monotonic_milliseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}
#endif

#endif
