import Foundation

/// matplotlib's `Blues` colour map, which the lecture's `plt.imshow(N,
/// cmap='Blues')` shades the count matrix with: near-white for 0, dark
/// blue for the largest count.
enum Blues {
  /// The nine ColorBrewer colours the map runs through, evenly spaced.
  static let anchors: [(red: Double, green: Double, blue: Double)] = [
    0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
  ].map { (rgb: UInt32) in
    (Double(rgb >> 16) / 255, Double(rgb >> 8 & 0xFF) / 255, Double(rgb & 0xFF) / 255)
  }

  /// The colour of `value` between 0 and `largest`, as `#rrggbb`: as
  /// matplotlib picks it, from a table of 256 colours interpolated between
  /// the anchors. Values outside the range (and NaN) take the nearest end.
  static func color(_ value: Double, largest: Double) -> (red: Double, green: Double, blue: Double) {
    let t = largest > 0 && value.isFinite ? min(max(value / largest, 0), 1) : 0
    let entry = min(Int(t * 256), 255)
    let position = Double(entry) / 255 * Double(anchors.count - 1)
    let below = min(Int(position), anchors.count - 2)
    let f = position - Double(below)
    let (a, b) = (anchors[below], anchors[below + 1])
    return (a.red + (b.red - a.red) * f, a.green + (b.green - a.green) * f, a.blue + (b.blue - a.blue) * f)
  }

  /// `#rrggbb`, each channel rounded as matplotlib's `to_hex` does.
  static func hex(_ color: (red: Double, green: Double, blue: Double)) -> String {
    "#"
      + [color.red, color.green, color.blue].map { channel in
        let byte = Int((channel * 255).rounded(.toNearestOrEven))
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// The text colour to write on `background`: white or near-black,
  /// whichever contrasts more (WCAG's relative luminance), so that the
  /// counts stay readable on the darkest cells.
  static func textColor(on background: (red: Double, green: Double, blue: Double)) -> String {
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4) }
    let luminance =
      0.2126 * linear(background.red) + 0.7152 * linear(background.green)
      + 0.0722 * linear(background.blue)
    let dark = linear(0x33 / 255)  // #333333's luminance
    return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / (dark + 0.05)) ? "#ffffff" : "#333333"
  }
}
