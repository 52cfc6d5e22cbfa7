// The emulator's outbox: every message it would have sent, in order.

actor Outbox {
    private var messages: [OutboxMessage] = []

    func append(_ message: OutboxMessage) {
        messages.append(message)
    }

    func all() -> [OutboxMessage] {
        messages
    }

    func replace(with messages: [OutboxMessage]) {
        self.messages = messages
    }

    func clear() {
        messages.removeAll()
    }
}
