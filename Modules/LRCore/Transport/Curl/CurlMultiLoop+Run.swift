import CLibCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loop thread's side. With `curl_multi_poll` (every platform but Linux) everything here runs
/// on the loop thread only; on Linux (`CurlMultiLoop+SocketAction.swift`) the shared helpers run
/// under ``CurlMultiLoop/lock`` on whichever thread drives the multi handle.
extension CurlMultiLoop {
    #if !os(Linux) || LR_CURL_POLL_LOOP
        /// The thread's body: take new and cancelled transfers, drive libcurl, hand out completions,
        /// and, when no new work is queued, sleep until a socket is ready, a libcurl timer is due or a
        /// task wakes the loop (see ``CurlMultiLoop``, "Wake-ups only for a sleeping loop").
        func run() {
            var running: Int32 = 0
            var descriptors: Int32 = 0
            while true {
                let stop = lock.withLock {
                    polling = false
                    wakeupSent = false
                    swap(&inbox, &arrivals)
                    swap(&cancellations, &departures)
                    for transfer in arrivals { transfer.state = .attached }
                    return stopRequested
                }
                if stop { break }
                for transfer in departures { detachCancelled(transfer) }
                departures.removeAll(keepingCapacity: true)
                for transfer in arrivals { attach(transfer) }
                arrivals.removeAll(keepingCapacity: true)

                let performed = curl_multi_perform(multi, &running)
                collectCompletions()
                if performed != CURLM_OK { failActive(performed) }
                guard handOutFinished(thenPoll: true) else { continue } // new work arrived meanwhile
                if curl_multi_poll(multi, nil, 0, idlePollMilliseconds, &descriptors) != CURLM_OK {
                    usleep(10_000) // never spin if polling itself fails
                }
            }
            close()
        }
    #endif

    func attach(_ transfer: CurlEasyRequest) {
        let code = curl_multi_add_handle(multi, transfer.easy)
        guard code == CURLM_OK else {
            let message = "curl_multi_add_handle failed: " + String(cString: curl_multi_strerror(code))
            let failure = TransportFailure(kind: .other, message: message, mayHaveReachedServer: false)
            finish(transfer, with: .failure(LoginRadiusError.transport(failure)))
            return
        }
        active[transfer.easy] = transfer
    }

    func detachCancelled(_ transfer: CurlEasyRequest) {
        // It may have completed since it was cancelled, and its easy handle may already serve
        // another transfer (even one attached just now): only the same transfer is removed.
        guard let current = active[transfer.easy], current === transfer else { return }
        active[transfer.easy] = nil
        curl_multi_remove_handle(multi, transfer.easy)
        finish(transfer, with: .failure(CancellationError()))
    }

    func collectCompletions() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result // read before the message is invalidated
            guard let transfer = active.removeValue(forKey: easy) else {
                curl_multi_remove_handle(multi, easy)
                continue
            }
            if code == CURLE_ABORTED_BY_CALLBACK, rerunOnFreshConnection(transfer) { continue }
            let completion = transfer.completion(code)
            curl_multi_remove_handle(multi, easy)
            finish(transfer, with: .success(completion))
        }
    }

    /// Runs a transfer again on a new connection, once, when ``CurlConnectionGuard`` refused the
    /// one it was given before anything was sent. Returns whether the transfer is attached again.
    func rerunOnFreshConnection(_ transfer: CurlEasyRequest) -> Bool {
        guard let handle = transfer.handle, handle.refusedConnection, !handle.freshConnect else { return false }
        curl_multi_remove_handle(multi, transfer.easy)
        guard (try? handle.set(CURLOPT_FRESH_CONNECT, 1)) != nil else { return false }
        handle.freshConnect = true
        handle.refusedConnection = false
        transfer.body.removeAll(keepingCapacity: true)
        transfer.headerBytes.removeAll(keepingCapacity: true)
        transfer.exceededSizeCap = false
        guard curl_multi_add_handle(multi, transfer.easy) == CURLM_OK else { return false }
        active[transfer.easy] = transfer
        return true
    }

    /// Fails every attached transfer after `curl_multi_perform` (or `curl_multi_socket_action`) itself failed (out of memory or
    /// an internal error): without a working perform, not even their timeouts would fire.
    func failActive(_ code: CURLMcode) {
        let message = "curl_multi_perform failed: " + String(cString: curl_multi_strerror(code))
        let failure = TransportFailure(kind: .other, message: message, mayHaveReachedServer: true)
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            finish(transfer, with: .failure(LoginRadiusError.transport(failure)))
        }
        active.removeAll(keepingCapacity: true)
    }

    /// Queues `transfer`, whose easy handle is in no multi handle any more, for the next
    /// ``handOutFinished(thenPoll:)``.
    func finish(_ transfer: CurlEasyRequest, with result: Result<CurlCompletion, any Error>) {
        finished.append(FinishedTransfer(transfer: transfer, result: result))
    }

    #if !os(Linux) || LR_CURL_POLL_LOOP
        /// Under one lock: returns the finished transfers' handles to the pool, takes their
        /// continuations and, with `thenPoll`, decides whether the loop may block: only when no
        /// transfer, cancellation or stop is queued, in which case ``polling`` is set (from then on a
        /// submitter wakes the loop). Then resumes the tasks, outside the lock.
        ///
        /// - Returns: Whether the loop may block in `curl_multi_poll` now.
        private func handOutFinished(thenPoll: Bool) -> Bool {
            let mayPoll = lock.withLock {
                for index in finished.indices {
                    releaseHandleLocked(of: finished[index].transfer)
                    finished[index].continuation = finished[index].transfer.finish()
                }
                guard thenPoll, inbox.isEmpty, cancellations.isEmpty, !stopRequested else { return false }
                polling = true
                return true
            }
            for entry in finished { entry.continuation?.resume(with: entry.result) }
            finished.removeAll(keepingCapacity: true)
            return mayPoll
        }

        /// Fails what is left, closes every connection and the multi handle. No other thread calls
        /// `curl_multi_wakeup` once ``multiClosed`` is set.
        private func close() {
            let (queued, idle) = lock.withLock {
                multiClosed = true
                let idle = poolLock.withLock {
                    defer { idleHandles.removeAll() }
                    return idleHandles
                }
                defer {
                    inbox.removeAll()
                    cancellations.removeAll()
                }
                return (inbox, idle)
            }
            for (easy, transfer) in active {
                curl_multi_remove_handle(multi, easy)
                finish(transfer, with: .failure(Self.shutDownError(mayHaveReachedServer: true)))
            }
            active.removeAll()
            for transfer in queued + arrivals {
                finish(transfer, with: .failure(Self.shutDownError(mayHaveReachedServer: false)))
            }
            arrivals.removeAll()
            departures.removeAll()
            _ = handOutFinished(thenPoll: false) // the pool is closed: the handles are freed below
            curl_multi_cleanup(multi)
            withExtendedLifetime(idle) {} // the idle easy handles are freed after their multi handle
        }
    #endif
}

extension CurlEasyRequest {
    /// Reads the transfer's results from its easy handle. Loop thread, before the handle is reused.
    func completion(_ code: CURLcode) -> CurlCompletion {
        guard let handle else {
            return CurlCompletion(
                code: code.rawValue, status: 0, newConnections: 0, totalTimeMicroseconds: 0,
                pretransferMicroseconds: 0, errorMessage: nil)
        }
        if handle.refusedConnection {
            // Refused again on a fresh connection: the server wrote or closed before it was asked.
            return CurlCompletion(
                code: code.rawValue, status: 0, newConnections: handle.info(CURLINFO_NUM_CONNECTS),
                totalTimeMicroseconds: max(0, handle.info(offset: CURLINFO_TOTAL_TIME_T)), pretransferMicroseconds: 0,
                errorMessage: "the server sent data or closed the connection before the request; nothing was sent")
        }
        return CurlCompletion(
            code: code.rawValue,
            status: handle.info(CURLINFO_RESPONSE_CODE),
            newConnections: handle.info(CURLINFO_NUM_CONNECTS),
            totalTimeMicroseconds: max(0, handle.info(offset: CURLINFO_TOTAL_TIME_T)),
            pretransferMicroseconds: max(0, handle.info(offset: CURLINFO_PRETRANSFER_TIME_T)),
            errorMessage: code == CURLE_OK ? nil : handle.errorMessage
        )
    }
}
