import XCTest

#if canImport(Testing)
  import Testing
#endif

/// Fails the running test when a graph cannot be drawn: the snapshot then
/// holds the error's text, which a recording run would otherwise save as
/// if it were the drawing, and later runs would pass.
///
/// Under Swift Testing the issue is recorded on the current test, under
/// XCTest on the current test case.
func reportDrawingFailure(_ error: any Error) {
  let message = "the graph could not be drawn: \(error)"
  #if canImport(Testing)
    if Test.current != nil {
      Issue.record(Comment(rawValue: message))
      return
    }
  #endif
  XCTFail(message)
}
