import Foundation

/// A training run of an ``MLP`` on points of the plane, recorded for a page
/// that replays it: the network's shape, the data, and a snapshot at each
/// chosen step (its parameters, loss and accuracy, and where in the plane
/// each neuron's output is positive).
///
/// The model records; a page writer (Figures' `TrainingPage`) only draws
/// what was recorded. A snapshot's regions are the model's own numbers:
/// each neuron's output at the centre of every cell of ``plane``, computed
/// with the same arithmetic, in the same order, as the neuron's graph.
///
/// ```swift
/// var recording = try RecordedTraining(model, points: data.points, labels: data.labels)
/// let schedule = RecordingSchedule(everyStepBefore: 25)
/// for k in 0...100 {
///   // ... forward: loss, accuracy
///   if schedule.records(k, last: 100) {
///     recording.record(model, step: k, loss: loss, accuracy: accuracy)
///   }
///   // ... backward and update
/// }
/// let json = recording.json()          // the same bytes on every run
/// ```
public struct RecordedTraining: Sendable, Equatable {
  /// The part of the input plane the regions cover: `cells` × `cells`
  /// cells over `x` and `y`.
  public struct Plane: Sendable, Equatable {
    /// The first input's range, left to right.
    public let x: ClosedRange<Double>
    /// The second input's range, bottom to top.
    public let y: ClosedRange<Double>
    /// The cells along each side.
    public let cells: Int

    /// A plane of `cells` × `cells` over `x` and `y`.
    ///
    /// - Precondition: `cells` is 2 to 200 and both ranges are finite and
    ///   not empty.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, cells: Int) {
      precondition((2...200).contains(cells), "Plane: 2 to 200 cells a side, not \(cells)")
      precondition(
        x.lowerBound.isFinite && x.upperBound.isFinite && y.lowerBound.isFinite && y.upperBound.isFinite
          && x.lowerBound < x.upperBound && y.lowerBound < y.upperBound,
        "Plane: the ranges must be finite and not empty, got \(x) and \(y)")
      self.x = x
      self.y = y
      self.cells = cells
    }

    /// The points' box with `margin` of its size added on every side,
    /// out to multiples of 0.5.
    public init(around points: [[Double]], margin: Double = 0.1, cells: Int = 40) {
      let xs = points.map { $0[0] }
      let ys = points.map { $0[1] }
      func range(_ values: [Double]) -> ClosedRange<Double> {
        let (low, high) = (values.min() ?? -1, values.max() ?? 1)
        let pad = max(high - low, 1e-9) * margin
        return ((low - pad) * 2).rounded(.down) / 2...((high + pad) * 2).rounded(.up) / 2
      }
      self.init(x: range(xs), y: range(ys), cells: cells)
    }

    /// The centre of cell `i` (from the left) in row `j` (from the bottom).
    public func center(_ i: Int, _ j: Int) -> (x: Double, y: Double) {
      let dx = (x.upperBound - x.lowerBound) / Double(cells)
      let dy = (y.upperBound - y.lowerBound) / Double(cells)
      return (x.lowerBound + (Double(i) + 0.5) * dx, y.lowerBound + (Double(j) + 0.5) * dy)
    }
  }

  /// The network at one recorded step.
  public struct Snapshot: Sendable, Equatable {
    /// The step: how many updates came before it (0 is the network as drawn).
    public let step: Int
    /// The loss at this step, before its update.
    public let loss: Double
    /// The fraction of points classified right at this step, 0 to 1.
    public let accuracy: Double
    /// Every parameter, in the model's `parameters()` order.
    public let parameters: [Double]
    /// For each neuron, layer by layer: whether its output is positive at
    /// each cell's centre, cell `i + j * cells` for cell `i` of row `j`
    /// (rows from the bottom).
    public let regions: [[Bool]]
    /// The class the network gives each cell: where the last neuron's
    /// output is positive (class +1).
    public var boundary: [Bool] { regions[regions.count - 1] }
  }

  /// The layers' sizes, inputs first: `[2, 16, 16, 1]`.
  public let layerSizes: [Int]
  /// Each layer's activation.
  public let activations: [Activation]
  /// The training points, each `[x, y]`.
  public let points: [[Double]]
  /// Each point's class: above 0 is class +1.
  public let labels: [Double]
  /// Where the regions are sampled.
  public let plane: Plane
  /// The snapshots, in the order recorded.
  public private(set) var snapshots: [Snapshot] = []

  /// A recording of `model` learning `points`, with no snapshot yet.
  ///
  /// - Parameters:
  ///   - model: The network: two inputs, at least one layer.
  ///   - points: The data, each `[x, y]`, finite.
  ///   - labels: Each point's class.
  ///   - plane: Where to sample the regions; by default around the points.
  /// - Throws: ``RecordingError`` when the network does not take two
  ///   inputs, the points and labels differ in number, or a point is not
  ///   two finite numbers.
  public init(_ model: MLP, points: [[Double]], labels: [Double], plane: Plane? = nil) throws(RecordingError) {
    guard let first = model.layers.first, let neuron = first.neurons.first, neuron.w.count == 2 else {
      throw .notTwoInputs(model.layers.first?.neurons.first?.w.count ?? 0)
    }
    guard points.count == labels.count else { throw .mismatchedLabels(points: points.count, labels: labels.count) }
    if let bad = points.firstIndex(where: { $0.count != 2 || !$0.allSatisfy(\.isFinite) }) {
      throw .badPoint(index: bad)
    }
    guard !points.isEmpty else { throw .noPoints }
    layerSizes = [2] + model.layers.map(\.neurons.count)
    activations = model.layers.map { $0.neurons.first?.activation ?? .linear }
    self.points = points
    self.labels = labels
    self.plane = plane ?? Plane(around: points)
  }

  /// Records `model` as it is now, as the snapshot of `step`: its
  /// parameters' data, `loss`, `accuracy`, and each neuron's region.
  ///
  /// - Precondition: `model` has the recording's shape.
  /// - Complexity: One forward pass per cell, without building a graph.
  public mutating func record(_ model: MLP, step: Int, loss: Double, accuracy: Double) {
    precondition(
      [2] + model.layers.map(\.neurons.count) == layerSizes,
      "RecordedTraining: the model's layers are not \(layerSizes)")
    let cells = plane.cells
    let neuronCount = layerSizes.dropFirst().reduce(0, +)
    var regions = [[Bool]](repeating: [Bool](repeating: false, count: cells * cells), count: neuronCount)
    let weights = model.layers.map { $0.neurons.map { ($0.w.map(\.data), $0.b.data, $0.activation) } }
    for j in 0..<cells {
      for i in 0..<cells {
        let (x, y) = plane.center(i, j)
        var input = [x, y]
        var n = 0
        for layer in weights {
          var output: [Double] = []
          output.reserveCapacity(layer.count)
          for (w, b, activation) in layer {
            // The neuron's graph: b, then + w[k] * x[k] in order, then the activation.
            var act = b
            for k in w.indices { act = act + w[k] * input[k] }
            let out = activation(Value(act)).data
            regions[n][i + j * cells] = out > 0
            output.append(out)
            n += 1
          }
          input = output
        }
      }
    }
    snapshots.append(
      Snapshot(
        step: step, loss: loss, accuracy: accuracy, parameters: model.parameters().map(\.data), regions: regions))
  }
}

/// Which steps a ``RecordedTraining`` keeps: every step at first, when
/// the network changes fastest, then sparser: every step before `n`,
/// every 2nd before `2n`, every 4th before `4n`, and so on, and the last.
///
/// ```swift
/// let schedule = RecordingSchedule(everyStepBefore: 25)
/// schedule.steps(through: 100)   // 0...24, 26, 28, ..., 48, 52, ..., 96, 100: 50 steps
/// ```
public struct RecordingSchedule: Sendable, Hashable {
  /// Before this step, every step is kept.
  public let everyStepBefore: Int

  /// - Precondition: `everyStepBefore >= 1`.
  public init(everyStepBefore: Int) {
    precondition(everyStepBefore >= 1, "RecordingSchedule: everyStepBefore must be at least 1")
    self.everyStepBefore = everyStepBefore
  }

  /// Whether `step` is kept, in a run whose last step is `last`.
  public func records(_ step: Int, last: Int) -> Bool {
    if step == last || step < everyStepBefore { return true }
    var stride = 2
    var end = 2 * everyStepBefore
    while step >= end {
      stride *= 2
      end *= 2
    }
    return step % stride == 0
  }

  /// The steps kept from 0 through `last`.
  public func steps(through last: Int) -> [Int] {
    (0...max(last, 0)).filter { records($0, last: last) }
  }
}

/// Why a ``RecordedTraining`` could not be made.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The network takes this many inputs, not the plane's two.
  case notTwoInputs(Int)
  /// The points and labels differ in number.
  case mismatchedLabels(points: Int, labels: Int)
  /// The point at this index is not two finite numbers.
  case badPoint(index: Int)
  /// There are no points.
  case noPoints

  /// What went wrong, in one line.
  public var description: String {
    switch self {
    case .notTwoInputs(let count):
      "a recorded training draws the input plane, so the network must take 2 inputs, not \(count)"
    case .mismatchedLabels(let points, let labels):
      "\(points) points but \(labels) labels: each point needs one label"
    case .badPoint(let index):
      "point \(index) is not two finite numbers"
    case .noPoints:
      "a recorded training needs at least one point"
    }
  }
}
