/*
 * The ceiling: raw libcurl doing the same exchange as the SDK, with no parsing.
 *
 *   rawcurl --url http://127.0.0.1:PORT/ --mode easy|multi [--concurrency N]
 *           [--bench throughput|alloc] [--seconds S] [--warmup S] [--calls N] [--run R]
 *
 * easy:  one easy handle, curl_easy_perform in a loop (keep-alive reuse), sequential.
 * multi: one multi handle with N easy handles in flight; a finished handle is re-added at once.
 *
 * Each transfer POSTs identity/v2/auth/login?apiKey=… with the JSON body and the same request
 * headers as the SDK (Accept, User-Agent, Content-Type; no Expect). The reply is copied into a
 * per-handle buffer (as any client must) and only its length is checked against the first
 * reply's ("a minimal strlen"): no JSON parsing. Output: one JSON line like the Swift benches.
 *
 * Build: gcc -O2 -o rawcurl rawcurl.c -lcurl
 */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* ---- latency histogram: the same log-linear buckets as BenchSupport.Histogram ---- */
#define BUCKETS (128 + 58 * 64)
static uint64_t histogram[BUCKETS];
static uint64_t histogram_total;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void record(uint64_t v) {
    int index;
    if (v < 128) {
        index = (int)v;
    } else {
        int exponent = 63 - __builtin_clzll(v);
        int shift = exponent - 6;
        int mantissa = (int)(v >> shift);
        index = 128 + (shift - 1) * 64 + (mantissa - 64);
        if (index >= BUCKETS) index = BUCKETS - 1;
    }
    histogram[index]++;
    histogram_total++;
}

static double bucket_value(int index) {
    if (index < 128) return index;
    int shift = (index - 128) / 64 + 1;
    int mantissa = (index - 128) % 64 + 64;
    return ((double)mantissa + 0.5) * (double)(1ull << shift);
}

static double quantile_us(double fraction) {
    if (histogram_total == 0) return 0;
    uint64_t rank = (uint64_t)(histogram_total * fraction + 0.999999);
    if (rank < 1) rank = 1;
    uint64_t seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
        seen += histogram[i];
        if (histogram[i] && seen >= rank) return bucket_value(i) / 1000;
    }
    return bucket_value(BUCKETS - 1) / 1000;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static long peak_rss_kb(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/* ---- one transfer's state ---- */
typedef struct {
    CURL *easy;
    char *buffer;
    size_t length, capacity;
    uint64_t started;
} transfer_t;

static size_t on_body(char *data, size_t size, size_t count, void *user) {
    transfer_t *t = user;
    size_t n = size * count;
    if (t->length + n > t->capacity) {
        t->capacity = (t->length + n) * 2;
        t->buffer = realloc(t->buffer, t->capacity);
    }
    memcpy(t->buffer + t->length, data, n);
    t->length += n;
    return n;
}

static const char *body = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}";
static struct curl_slist *headers;
static char url[512];
static size_t expected_length;

static void setup(transfer_t *t) {
    t->easy = curl_easy_init();
    t->capacity = 4096;
    t->buffer = malloc(t->capacity);
    curl_easy_setopt(t->easy, CURLOPT_URL, url);
    curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, 30000L);
}

/* Whether the finished transfer got a 200 and a body as long as the first one. */
static int check(transfer_t *t, CURLcode code) {
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    int ok = code == CURLE_OK && status == 200 && t->length > 0;
    if (ok && expected_length == 0) expected_length = t->length;
    ok = ok && t->length == expected_length;
    t->length = 0;
    return ok;
}

typedef struct {
    long requests, errors;
    double seconds, cpu;
} result_t;

/* Runs for `seconds` (when calls == 0) or exactly `calls` transfers. */
/* The handles live for the whole process, so warm-up and measurement share the connections. */
static transfer_t easy_transfer;
static CURLM *multi_handle;
static transfer_t *multi_transfers;

static result_t run_easy(double seconds, long calls) {
    transfer_t *t = &easy_transfer;
    if (!t->easy) setup(t);
    result_t r = {0};
    double cpu0 = cpu_seconds();
    uint64_t start = now_ns(), deadline = start + (uint64_t)(seconds * 1e9), now = start;
    while (calls ? r.requests < calls : now < deadline) {
        CURLcode code = curl_easy_perform(t->easy);
        uint64_t end = now_ns();
        record(end - now);
        if (!check(t, code)) r.errors++;
        r.requests++;
        now = end;
    }
    r.seconds = (now_ns() - start) / 1e9;
    r.cpu = cpu_seconds() - cpu0;
    return r;
}

static result_t run_multi(int concurrency, double seconds, long calls) {
    if (!multi_handle) {
        multi_handle = curl_multi_init();
        curl_multi_setopt(multi_handle, CURLMOPT_MAXCONNECTS, (long)concurrency);
        multi_transfers = calloc(concurrency, sizeof *multi_transfers);
        for (int i = 0; i < concurrency; i++) {
            setup(&multi_transfers[i]);
            curl_easy_setopt(multi_transfers[i].easy, CURLOPT_PRIVATE, &multi_transfers[i]);
        }
    }
    CURLM *multi = multi_handle;
    transfer_t *ts = multi_transfers;
    result_t r = {0};
    double cpu0 = cpu_seconds();
    uint64_t start = now_ns(), deadline = start + (uint64_t)(seconds * 1e9);
    long started = 0;
    for (int i = 0; i < concurrency; i++) {
        ts[i].started = now_ns();
        curl_multi_add_handle(multi, ts[i].easy);
        started++;
    }
    int running = 1;
    long in_flight = concurrency;
    while (in_flight > 0) {
        curl_multi_perform(multi, &running);
        CURLMsg *message;
        int queued;
        while ((message = curl_multi_info_read(multi, &queued))) {
            if (message->msg != CURLMSG_DONE) continue;
            transfer_t *t;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, (char **)&t);
            CURLcode code = message->data.result;
            uint64_t end = now_ns();
            record(end - t->started);
            if (!check(t, code)) r.errors++;
            r.requests++;
            curl_multi_remove_handle(multi, t->easy);
            in_flight--;
            if (calls ? started < calls : end < deadline) {
                t->started = end;
                curl_multi_add_handle(multi, t->easy);
                started++;
                in_flight++;
            }
        }
        if (in_flight > 0) curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    r.seconds = (now_ns() - start) / 1e9;
    r.cpu = cpu_seconds() - cpu0;
    return r;
}

static const char *arg(int argc, char **argv, const char *name, const char *fallback) {
    for (int i = 1; i + 1 < argc; i++)
        if (strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i] + 2, name) == 0) return argv[i + 1];
    return fallback;
}

int main(int argc, char **argv) {
    const char *base = arg(argc, argv, "url", "http://127.0.0.1:8080/");
    const char *mode = arg(argc, argv, "mode", "easy");
    const char *bench = arg(argc, argv, "bench", "throughput");
    int concurrency = atoi(arg(argc, argv, "concurrency", "1"));
    double seconds = atof(arg(argc, argv, "seconds", "1.5"));
    double warmup = atof(arg(argc, argv, "warmup", "0.3"));
    long calls = atol(arg(argc, argv, "calls", "10000"));
    int run = atoi(arg(argc, argv, "run", "1"));
    int multi = strcmp(mode, "multi") == 0;
    if (concurrency < 1) concurrency = 1;
    const char *client = multi ? "rawcurl-multi" : "rawcurl-easy";

    snprintf(url, sizeof url, "%sidentity/v2/auth/login?apiKey=00000000-aaaa-bbbb-cccc-000000000001", base);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "User-Agent: swift-loginradius/0.1.0");
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");

    if (strcmp(bench, "alloc") == 0) {
        void (*counts)(uint64_t *, uint64_t *) = (void (*)(uint64_t *, uint64_t *))dlsym(RTLD_DEFAULT, "lr_malloc_counts");
        if (!counts) {
            printf("{\"kind\": \"alloc\", \"client\": \"%s\", \"error\": \"libmalloccount.so is not preloaded\"}\n", client);
            return 0;
        }
        /* Warm-up and measurement in one loop, so the connections are the same. */
        uint64_t c0, b0, c1, b1;
        if (multi) {
            run_multi(concurrency, 0, 1000);
            counts(&c0, &b0);
        } else {
            run_easy(0, 1000);
            counts(&c0, &b0);
        }
        result_t r = multi ? run_multi(concurrency, 0, calls) : run_easy(0, calls);
        counts(&c1, &b1);
        printf("{\"kind\": \"alloc\", \"client\": \"%s\", \"concurrency\": %d, \"requests\": %ld, \"errors\": %ld, "
               "\"allocs_per_call\": %.3f, \"bytes_per_call\": %.3f}\n",
               client, concurrency, r.requests, r.errors, (double)(c1 - c0) / r.requests, (double)(b1 - b0) / r.requests);
        return 0;
    }

    /* Throughput: warm-up, then the measured window (its own histogram). */
    if (multi) run_multi(concurrency, warmup, 0); else run_easy(warmup, 0);
    memset(histogram, 0, sizeof histogram);
    histogram_total = 0;
    result_t r = multi ? run_multi(concurrency, seconds, 0) : run_easy(seconds, 0);
    printf("{\"kind\": \"throughput\", \"client\": \"%s\", \"concurrency\": %d, \"run\": %d, \"requests\": %ld, "
           "\"errors\": %ld, \"seconds\": %.3f, \"rps\": %.3f, \"p50_us\": %.3f, \"p99_us\": %.3f, \"cpu_s\": %.3f, "
           "\"cpu_s_per_10k\": %.3f, \"maxrss_kb\": %ld}\n",
           client, concurrency, run, r.requests, r.errors, r.seconds, r.requests / r.seconds, quantile_us(0.5),
           quantile_us(0.99), r.cpu, r.requests ? r.cpu / r.requests * 10000 : 0, peak_rss_kb());
    curl_slist_free_all(headers);
    curl_global_cleanup();
    return 0;
}
