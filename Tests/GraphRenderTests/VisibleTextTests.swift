import GraphRender
import Testing

/// `String.withVisibleControlCharacters`: what error messages and figure
/// labels show for control characters.
@Suite struct VisibleTextTests {
  @Test func c0ControlsBecomeTheirControlPictures() {
    for byte in UInt32(0x00)..<0x20 {
      let control = String(Character(Unicode.Scalar(byte)!))
      let picture = String(Character(Unicode.Scalar(0x2400 + byte)!))
      #expect(control.withVisibleControlCharacters == picture, "U+\(String(byte, radix: 16))")
    }
    #expect("\u{1B}[2Ja".withVisibleControlCharacters == "␛[2Ja")
    #expect("a\tb\nc\r\nd\0".withVisibleControlCharacters == "a␉b␊c␍␊d␀")
  }

  @Test func delBecomesItsControlPicture() {
    #expect("\u{7F}".withVisibleControlCharacters == "␡")
  }

  @Test func c1ControlsBecomeSwiftEscapes() {
    #expect("a\u{9B}2J".withVisibleControlCharacters == "a\\u{9B}2J")
    #expect("\u{80}\u{85}\u{9F}".withVisibleControlCharacters == "\\u{80}\\u{85}\\u{9F}")
    for value in UInt32(0x80)..<0xA0 {
      let shown = String(Character(Unicode.Scalar(value)!)).withVisibleControlCharacters
      #expect(shown == "\\u{\(String(value, radix: 16, uppercase: true))}")
    }
  }

  @Test(arguments: [
    "", "plain ASCII: a-z 0-9 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "ünïcødé αβγ 你好 🎉 e\u{301}", "\u{A0}no-break\u{A0}space", "\\u{1B} typed, not an escape",
    "␛ ␡ already pictures",
  ])
  func otherTextIsUnchanged(_ text: String) {
    #expect(text.withVisibleControlCharacters == text)
    #expect(Array(text.withVisibleControlCharacters.unicodeScalars) == Array(text.unicodeScalars))
  }

  @Test func theResultHoldsNoControlCharacter() {
    let every = String(String.UnicodeScalarView((0..<0x100).map { Unicode.Scalar(UInt8($0)) }))
    let shown = every.withVisibleControlCharacters
    #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control })
    #expect(!shown.utf8.contains { $0 < 0x20 || $0 == 0x7F })
  }
}
