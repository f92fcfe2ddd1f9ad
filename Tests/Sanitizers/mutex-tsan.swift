// ThreadSanitizer's false report on Synchronization.Mutex (tsan.supp):
// threads take turns on one Mutex, every access to the state it protects
// is inside withLock, nothing else is shared, and TSan reports races
// when the lock is contended. Replace the Mutex with an NSLock
// (pthread_mutex, which TSan intercepts) and it reports none.
//
//   swiftc -sanitize=thread -g Tests/Sanitizers/mutex-tsan.swift -o /tmp/mutex-tsan
//   /tmp/mutex-tsan 2>&1 | grep -c 'WARNING: ThreadSanitizer'   # 4
//   swiftc -O Tests/Sanitizers/mutex-tsan.swift -o /tmp/mutex
//   strace -f -e trace=futex /tmp/mutex 2>&1 | grep -c LOCK_PI      # the kernel hands the lock over
import Foundation
import Synchronization

struct State: ~Copyable {
  var context: Int? = nil
  var count = 0
}
let state = Mutex(State())

func use() {
  state.withLock { s in
    if s.context == nil { s.context = 42 }  // made on first use, as Graphviz.gvc()
    s.count += 1
    usleep(100)  // a render's worth of holding the lock: others wait in the kernel
  }
}

let threads = (0..<4).map { _ in Thread { for _ in 0..<50 { use() } } }
threads.forEach { $0.start() }
while state.withLock({ $0.count }) < 200 { usleep(1000) }
print("count", state.withLock { $0.count })
