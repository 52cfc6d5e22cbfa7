// Shared by the Swift benchmark executables: a load loop with N workers, a latency histogram,
// CPU time and RSS from the kernel, malloc counters from Tools/Benchmarks/c/malloccount.c (when
// it is preloaded), and the one-JSON-object-per-line output that run.sh collects.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Time

/// Monotonic nanoseconds (`CLOCK_MONOTONIC`): cheaper than `ContinuousClock.now` arithmetic.
@inline(__always)
public func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
}

// MARK: Latency histogram

/// A log-linear histogram of nanosecond values: exact below 128 ns, then 64 buckets per power of
/// two (at most 1.6 % relative error). 30 KiB of counters whatever the number of samples, so
/// recording allocates nothing and every worker keeps its own.
public struct Histogram: Sendable {
    static let bucketCount = 128 + 58 * 64
    public private(set) var counts: [UInt64]
    public private(set) var total: UInt64 = 0

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    @inline(__always)
    static func index(_ value: UInt64) -> Int {
        if value < 128 { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount  // ≥ 7
        let shift = exponent - 6
        let mantissa = Int(truncatingIfNeeded: value >> UInt64(shift))  // 64…127
        return min(bucketCount - 1, 128 + (shift - 1) * 64 + (mantissa - 64))
    }

    /// The middle of bucket `index`, in nanoseconds.
    static func value(at index: Int) -> Double {
        if index < 128 { return Double(index) }
        let shift = (index - 128) / 64 + 1
        let mantissa = (index - 128) % 64 + 64
        return (Double(mantissa) + 0.5) * Double(UInt64(1) << UInt64(shift))
    }

    @inline(__always)
    public mutating func record(_ nanoseconds: UInt64) {
        counts[Self.index(nanoseconds)] &+= 1
        total &+= 1
    }

    public mutating func merge(_ other: Histogram) {
        for index in counts.indices { counts[index] &+= other.counts[index] }
        total &+= other.total
    }

    /// The `fraction` quantile (0.5 = median), in microseconds; 0 without samples.
    public func quantileMicroseconds(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = UInt64((Double(total) * fraction).rounded(.up))
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if seen >= max(rank, 1) { return Self.value(at: index) / 1000 }
        }
        return Self.value(at: counts.count - 1) / 1000
    }
}

// MARK: Process resources

public enum ProcessResources {
    #if os(Linux)
    static let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    static let rusageSelf = RUSAGE_SELF
    #endif

    /// User + system CPU seconds of the whole process (all threads) so far.
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident set size so far, in KiB (`ru_maxrss`).
    public static func peakRSSKiB() -> Int {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Current resident set size, in KiB (`VmRSS` from /proc/self/status).
    public static func currentRSSKiB() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return -1 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmRSS:") {
                return Int(text.dropFirst(6).filter { $0.isNumber }) ?? -1
            }
        }
        return -1
    }
}

// MARK: malloc counters

/// The counters of `libmalloccount.so` (Tools/Benchmarks/c/malloccount.c) when it is preloaded:
/// every malloc/calloc/realloc/aligned allocation of every thread, and the bytes asked for.
public enum MallocCounters {
    typealias Snapshot = @convention(c) (UnsafeMutablePointer<UInt64>?, UnsafeMutablePointer<UInt64>?) -> Void

    private static let function: Snapshot? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "lr_malloc_counts") else { return nil }
        return unsafeBitCast(symbol, to: Snapshot.self)
    }()

    public static var isAvailable: Bool { function != nil }

    /// (allocations, bytes) so far, or `nil` without the preloaded library.
    public static func snapshot() -> (count: UInt64, bytes: UInt64)? {
        guard let function else { return nil }
        var count: UInt64 = 0
        var bytes: UInt64 = 0
        function(&count, &bytes)
        return (count, bytes)
    }
}

// MARK: Arguments

/// `--name value` pairs.
public struct Arguments: Sendable {
    var values: [String: String] = [:]

    public init(_ arguments: [String] = CommandLine.arguments) {
        var index = 1
        while index < arguments.count {
            let name = arguments[index]
            if name.hasPrefix("--"), index + 1 < arguments.count {
                values[String(name.dropFirst(2))] = arguments[index + 1]
                index += 2
            } else {
                index += 1
            }
        }
    }

    public func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
    public func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    public func double(_ name: String, _ fallback: Double) -> Double { values[name].flatMap { Double($0) } ?? fallback }
}

// MARK: The load loop

/// What one measured window produced.
public struct LoadResult: Sendable {
    public var requests: Int
    public var errors: Int
    public var seconds: Double
    public var cpuSeconds: Double
    public var histogram: Histogram
    public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
}

/// Runs `call` from `concurrency` tasks: for `seconds` (when `callsPerWorker` is nil), or exactly
/// `callsPerWorker` times each. `call` returns whether the reply was the expected one.
///
/// `recordsLatency: false` leaves the result's histogram empty. The memory mode needs that: each
/// worker's histogram is 30 KiB, touched when created, so 32 workers starting the second phase
/// added about 1 MiB to the resident set that the SDK never allocated.
public func runLoad(
    concurrency: Int,
    seconds: Double,
    callsPerWorker: Int? = nil,
    recordsLatency: Bool = true,
    _ call: @escaping @Sendable () async -> Bool
) async -> LoadResult {
    let cpuBefore = ProcessResources.cpuSeconds()
    let start = monotonicNanoseconds()
    let deadline = start + UInt64(seconds * 1_000_000_000)
    struct WorkerResult: Sendable {
        var histogram: Histogram?
        var requests = 0
        var errors = 0
    }
    let merged = await withTaskGroup(of: WorkerResult.self, returning: WorkerResult.self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var result = WorkerResult(histogram: recordsLatency ? Histogram() : nil)
                var now = monotonicNanoseconds()
                while callsPerWorker.map({ result.requests < $0 }) ?? (now < deadline) {
                    let ok = await call()
                    let end = monotonicNanoseconds()
                    result.histogram?.record(end - now)
                    result.requests += 1
                    if !ok { result.errors += 1 }
                    now = end
                }
                return result
            }
        }
        var total = WorkerResult(histogram: Histogram())
        for await result in group {
            if let histogram = result.histogram { total.histogram?.merge(histogram) }
            total.requests += result.requests
            total.errors += result.errors
        }
        return total
    }
    let elapsed = Double(monotonicNanoseconds() - start) / 1_000_000_000
    return LoadResult(
        requests: merged.requests, errors: merged.errors, seconds: elapsed,
        cpuSeconds: ProcessResources.cpuSeconds() - cpuBefore, histogram: merged.histogram ?? Histogram()
    )
}

// MARK: Output

/// One JSON object on one line, for run.sh. Values are numbers or plain strings.
public func emit(_ fields: KeyValuePairs<String, any Sendable>) {
    var line = "{"
    for (index, (key, value)) in fields.enumerated() {
        if index > 0 { line += ", " }
        line += "\"\(key)\": "
        switch value {
        case let text as String: line += "\"\(text)\""
        case let number as Double: line += number.isFinite ? String(format3: number) : "null"
        default: line += "\(value)"
        }
    }
    line += "}"
    print(line)
    fflush(nil)
}

/// The standard result line of a throughput run.
public func emit(client: String, concurrency: Int, run: Int, result: LoadResult) {
    emit([
        "kind": "throughput", "client": client, "concurrency": concurrency, "run": run,
        "requests": result.requests, "errors": result.errors, "seconds": result.seconds,
        "rps": result.requestsPerSecond,
        "p50_us": result.histogram.quantileMicroseconds(0.50),
        "p99_us": result.histogram.quantileMicroseconds(0.99),
        "cpu_s": result.cpuSeconds,
        "cpu_s_per_10k": result.requests > 0 ? result.cpuSeconds / Double(result.requests) * 10_000 : 0,
        "maxrss_kb": ProcessResources.peakRSSKiB(),
    ])
}

/// Runs the standard modes every Swift benchmark executable offers:
/// - `--mode throughput` (default): warm up for `--warmup` s, then measure for `--seconds` s;
/// - `--mode alloc`: warm up 1,000 calls, then count allocations over `--calls` calls;
/// - `--mode memory`: RSS after `--calls` calls and after `--more-calls` more.
public func runStandardModes(
    client: String,
    arguments: Arguments,
    _ call: @escaping @Sendable () async -> Bool
) async {
    let concurrency = max(1, arguments.int("concurrency", 1))
    let run = arguments.int("run", 1)
    switch arguments.string("mode", "throughput") {
    case "alloc":
        let calls = arguments.int("calls", 10_000)
        _ = await runLoad(concurrency: concurrency, seconds: 0, callsPerWorker: max(1, 1_000 / concurrency), call)
        guard let before = MallocCounters.snapshot() else {
            emit(["kind": "alloc", "client": client, "error": "libmalloccount.so is not preloaded"])
            return
        }
        let result = await runLoad(concurrency: concurrency, seconds: 0, callsPerWorker: max(1, calls / concurrency), call)
        let after = MallocCounters.snapshot()!
        emit([
            "kind": "alloc", "client": client, "concurrency": concurrency, "requests": result.requests,
            "errors": result.errors,
            "allocs_per_call": Double(after.count - before.count) / Double(result.requests),
            "bytes_per_call": Double(after.bytes - before.bytes) / Double(result.requests),
        ])
    case "memory":
        let first = arguments.int("calls", 10_000)
        let more = arguments.int("more-calls", 190_000)
        let warm = await runLoad(
            concurrency: concurrency, seconds: 0, callsPerWorker: max(1, first / concurrency), recordsLatency: false, call)
        let rssFirst = ProcessResources.currentRSSKiB()
        let rest = await runLoad(
            concurrency: concurrency, seconds: 0, callsPerWorker: max(1, more / concurrency), recordsLatency: false, call)
        let rssLast = ProcessResources.currentRSSKiB()
        emit([
            "kind": "memory", "client": client, "concurrency": concurrency,
            "calls_first": warm.requests, "rss_kb_first": rssFirst,
            "calls_total": warm.requests + rest.requests, "rss_kb_total": rssLast,
            "errors": warm.errors + rest.errors, "maxrss_kb": ProcessResources.peakRSSKiB(),
            "rps": rest.requestsPerSecond,
        ])
    default:
        _ = await runLoad(concurrency: concurrency, seconds: arguments.double("warmup", 0.3), call)
        let result = await runLoad(concurrency: concurrency, seconds: arguments.double("seconds", 1.5), call)
        emit(client: client, concurrency: concurrency, run: run, result: result)
    }
}

extension String {
    init(format3 value: Double) {
        // Three decimals without Foundation.
        let scaled = (value * 1000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Swift.abs(scaled)
        let whole = Int(magnitude / 1000)
        let fraction = Int(magnitude.truncatingRemainder(dividingBy: 1000))
        let padded = String(fraction)
        self = sign + String(whole) + "." + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
