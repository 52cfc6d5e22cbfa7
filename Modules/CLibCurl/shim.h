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
#endif

#endif
