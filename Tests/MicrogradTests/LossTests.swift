import Testing

@testable import Micrograd

@Suite("Losses and SGD")
struct LossTests {
  @Test("sum and mean of squared errors")
  func squaredErrors() {
    let ypred = [Value(0.5), Value(-1), Value(2)]
    let ys: [Double] = [1, -1, 0]
    let sse = sumSquaredError(ypred, ys)
    #expect(sse.data == 0.25 + 0 + 4)
    sse.backward()
    #expect(ypred.map(\.grad) == [-1, 0, 4])
    let mse = meanSquaredError(ypred, ys)
    #expect(abs(mse.data - 4.25 / 3) < 1e-15)
    ypred.forEach { $0.grad = 0 }
    mse.backward()
    #expect(zip(ypred.map(\.grad), [-1.0 / 3, 0, 4.0 / 3]).allSatisfy { abs($0 - $1) < 1e-15 })
  }

  @Test("SVM max-margin loss and L2 regularization, as micrograd's demo writes them")
  func svm() {
    let scores = [Value(2), Value(-0.5), Value(0.25)]
    let labels: [Double] = [1, 1, -1]
    // relu(1 - 2) = 0, relu(1 + 0.5) = 1.5, relu(1 + 0.25) = 1.25
    let loss = svmMaxMarginLoss(scores, labels)
    #expect(abs(loss.data - 2.75 / 3) < 1e-15)
    loss.backward()
    #expect(scores.map(\.grad) == [0, -1.0 / 3, 1.0 / 3])
    let params = [Value(3), Value(-4)]
    let reg = l2Regularization(params, alpha: 1e-4)
    #expect(abs(reg.data - 25e-4) < 1e-15)
    reg.backward()
    #expect(zip(params.map(\.grad), [6e-4, -8e-4]).allSatisfy { abs($0 - $1) < 1e-15 })
  }

  @Test("sum chains + nodes from the first value")
  func sum() {
    let vs = [Value(1), Value(2), Value(3)]
    let s = vs.sum()
    #expect(s.data == 6)
    #expect(s.topologicalOrder().count == 5)
    #expect([Value]().sum().data == 0)
    #expect([vs[0]].sum() === vs[0])
  }

  @Test("an SGD step moves against the gradient")
  func sgd() {
    let p = Value(1.0)
    p.grad = 0.5
    SGD(learningRate: 0.1).step([p])
    #expect(p.data == 0.95)
  }
}
