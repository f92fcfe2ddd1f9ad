import Foundation
import Testing

@testable import Micrograd

@Suite("Recorded training")
struct RecordedTrainingTests {
  @Test("the schedule keeps every step at first, then every 2nd, 4th, ..., and the last")
  func schedule() {
    let schedule = RecordingSchedule(everyStepBefore: 25)
    let steps = schedule.steps(through: 100)
    #expect(steps.count == 50)
    #expect(Array(steps.prefix(25)) == Array(0..<25))
    #expect(Array(steps[25..<37]) == Array(stride(from: 26, through: 48, by: 2)))
    #expect(Array(steps[37..<49]) == Array(stride(from: 52, through: 96, by: 4)))
    #expect(steps.last == 100)
    #expect(RecordingSchedule(everyStepBefore: 4).steps(through: 20) == [0, 1, 2, 3, 4, 6, 8, 12, 16, 20])
    #expect(RecordingSchedule(everyStepBefore: 10).steps(through: 7) == Array(0...7))
  }

  /// A few steps of micrograd's demo on a small moons set, by the eager
  /// engine, recorded at every step: each snapshot holds the model's numbers
  /// at that step, and each neuron's region is where the neuron's own graph,
  /// built by the engine at the cell's centre, is positive.
  @Test("snapshots hold the parameters, loss and accuracy, and the neurons' regions as the engine computes them")
  func snapshotsAreTheEngines() throws {
    var rng = SplitMix64(seed: 7)
    let data = Moons(count: 20, noise: 0.1, using: &rng)
    let model = MLP(2, [4, 3, 1], activation: .relu, outputActivation: .linear, using: &rng)
    let plane = RecordedTraining.Plane(x: -1.5...2.5, y: -1...1.5, cells: 12)
    var recording = try RecordedTraining(model, points: data.points, labels: data.labels, plane: plane)
    var expected: [(loss: Double, accuracy: Double, parameters: [Double])] = []
    for k in 0..<4 {
      let scores = data.points.map { model($0)[0] }
      let loss = svmMaxMarginLoss(scores, data.labels)
      let correct = zip(scores, data.labels).filter { ($0.data > 0) == ($1 > 0) }.count
      let accuracy = Double(correct) / Double(data.labels.count)
      recording.record(model, step: k, loss: loss.data, accuracy: accuracy)
      expected.append((loss.data, accuracy, model.parameters().map(\.data)))
      model.zeroGrad()
      loss.backward()
      SGD(learningRate: 0.5).step(model)
    }
    #expect(recording.layerSizes == [2, 4, 3, 1])
    #expect(recording.activations == [.relu, .relu, .linear])
    #expect(recording.snapshots.map(\.step) == [0, 1, 2, 3])
    for (snapshot, numbers) in zip(recording.snapshots, expected) {
      #expect(snapshot.loss == numbers.loss && snapshot.accuracy == numbers.accuracy)
      #expect(snapshot.parameters == numbers.parameters)
      #expect(snapshot.regions.count == 8 && snapshot.regions.allSatisfy { $0.count == 144 })
    }
    #expect(recording.snapshots[0].parameters != recording.snapshots[3].parameters)

    // The last snapshot's regions, against the engine: the model holds
    // step 4's numbers now, so put step 3's back first.
    for (p, value) in zip(model.parameters(), recording.snapshots[3].parameters) { p.data = value }
    let last = recording.snapshots[3]
    var positives = 0
    for j in 0..<12 {
      for i in 0..<12 {
        let (x, y) = plane.center(i, j)
        let first = model.layers[0]([Value(x), Value(y)])
        let second = model.layers[1](first)
        let out = model.layers[2](second)
        let neurons = (first + second + out).map { $0.data > 0 }
        for n in 0..<8 {
          #expect(last.regions[n][i + j * 12] == neurons[n], "neuron \(n), cell \(i), \(j)")
        }
        #expect(last.boundary[i + j * 12] == (model([x, y])[0].data > 0))
        if neurons[7] { positives += 1 }
      }
    }
    // Both classes appear: a boundary that is all one colour would pass the
    // comparison above for a constant network.
    #expect(positives > 0 && positives < 144)
    #expect(plane.center(0, 0) == (-1.5 + 4.0 / 24, -1 + 2.5 / 24))
  }

  @Test("the JSON is the same bytes every time, and reads back to the recording")
  func json() throws {
    var rng = SplitMix64(seed: 3)
    let data = Moons(count: 10, noise: 0.1, using: &rng)
    let model = MLP(2, [3, 1], activation: .relu, outputActivation: .linear, using: &rng)
    var recording = try RecordedTraining(model, points: data.points, labels: data.labels)
    recording.record(model, step: 0, loss: 0.75, accuracy: 0.5)
    recording.record(model, step: 5, loss: .nan, accuracy: 1)
    let text = recording.json()
    #expect(text == recording.json())
    #expect(text.hasPrefix("{\"format\":\"swift-micrograd recorded training\",\"version\":1,\n\"layers\":[2,3,1],"))
    // Read back with JSONDecoder (which reads Swift's shortest numbers back exactly).
    struct Plane: Decodable { let x: [Double], y: [Double], cells: Int }
    struct Snapshot: Decodable {
      let step: Int, loss: Double?, accuracy: Double, parameters: [Double], regions: [String]
    }
    struct File: Decodable { let layers: [Int], activations: [String], plane: Plane, snapshots: [Snapshot] }
    let file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
    #expect(file.layers == [2, 3, 1] && file.activations == ["relu", "linear"])
    #expect(file.plane.cells == 40)
    #expect(file.plane.x == [recording.plane.x.lowerBound, recording.plane.x.upperBound])
    #expect(file.snapshots.map(\.step) == [0, 5])
    #expect(file.snapshots[0].loss == 0.75)
    #expect(file.snapshots[1].loss == nil)  // NaN, which JSON cannot hold: null
    #expect(file.snapshots[0].parameters == recording.snapshots[0].parameters)
    // Each region: its bits in base64, the first cell in the first byte's highest bit.
    for (text, cells) in zip(file.snapshots[0].regions, recording.snapshots[0].regions) {
      let bytes = try #require(Data(base64Encoded: text))
      #expect(bytes.count == 200)
      let decoded = (0..<cells.count).map { bytes[$0 / 8] & (0x80 >> UInt8($0 % 8)) != 0 }
      #expect(decoded == cells)
    }
    #expect(RecordedTraining.bits([true, false, false, false, false, false, false, true, true]) == "gYA=")
  }

  @Test("a network or data the plane cannot show is refused, saying why")
  func errors() {
    var rng = SplitMix64(seed: 1)
    let three = MLP(3, [2, 1], using: &rng)
    let two = MLP(2, [2, 1], using: &rng)
    #expect(throws: RecordingError.notTwoInputs(3)) { try RecordedTraining(three, points: [[0, 0, 0]], labels: [1]) }
    #expect(throws: RecordingError.mismatchedLabels(points: 2, labels: 1)) {
      try RecordedTraining(two, points: [[0, 0], [1, 1]], labels: [1])
    }
    #expect(throws: RecordingError.badPoint(index: 1)) {
      try RecordedTraining(two, points: [[0, 0], [.nan, 1]], labels: [1, -1])
    }
    #expect(throws: RecordingError.noPoints) { try RecordedTraining(two, points: [], labels: []) }
    #expect(RecordingError.notTwoInputs(3).description.contains("must take 2 inputs, not 3"))
  }
}
