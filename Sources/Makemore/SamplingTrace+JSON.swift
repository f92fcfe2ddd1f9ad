extension SamplingTrace {
  /// The trace as JSON text, the same bytes for the same trace: keys in a
  /// fixed order, numbers in Swift's shortest form that reads back to the
  /// same number, one draw per line.
  ///
  /// ```json
  /// {"format":"swift-micrograd sampling trace","version":1,"model":"bigram",
  /// "seed":2147483647,"blockSize":1,"vocabulary":".abcdefghijklmnopqrstuvwxyz",
  /// "replay":{"P":[[...27 numbers...],...]},
  /// "words":[[
  /// {"context":[0],"probabilities":[...27 numbers...],"uniform":0.7081,"index":13},
  /// ...]]}
  /// ```
  ///
  /// `replay` holds what draws again from another seed: for the bigram its
  /// float32 `P`, 27 rows of 27 (one row per line, each number the
  /// float32's exact value); for the MLP its sizes (`embeddingSize`,
  /// `hiddenSize`) and weights, each on one line as one flat array, a
  /// matrix's rows one after another: `C` token by token (27 ×
  /// embeddingSize: token `t`'s embedding starts at `t * embeddingSize`),
  /// `W1` neuron by neuron (hiddenSize × blockSize·embeddingSize: neuron
  /// `j`'s weights start at `j * blockSize * embeddingSize`), `b1`, `W2`
  /// output by output (27 × hiddenSize), `b2`. (The model file writes
  /// `W1` and `W2` the other way round, as the lecture's tensors.)
  public func json() -> String {
    func numbers(_ xs: [Double]) -> String { "[" + xs.map(\.jsonNumber).joined(separator: ",") + "]" }
    var out = "{\"format\":\"swift-micrograd sampling trace\",\"version\":1,"
    switch model {
    case .bigram(let p):
      out += "\"model\":\"bigram\",\"seed\":\(seed),\"blockSize\":1,"
      out += "\"vocabulary\":\"\(String(Vocabulary.lecture.tokens))\",\n\"replay\":{\"P\":[\n"
      out += p.map { numbers($0.map(Double.init)) }.joined(separator: ",\n") + "]},"
    case .mlp(let w):
      let n = w.configuration
      out += "\"model\":\"mlp\",\"seed\":\(seed),\"blockSize\":\(n.blockSize),"
      out += "\"vocabulary\":\"\(String(Vocabulary.lecture.tokens))\",\n\"replay\":{"
      out += "\"embeddingSize\":\(n.embeddingSize),\"hiddenSize\":\(n.hiddenSize),\n"
      out += "\"C\":\(numbers(w.C)),\n\"W1\":\(numbers(w.W1)),\n\"b1\":\(numbers(w.b1)),\n"
      out += "\"W2\":\(numbers(w.W2)),\n\"b2\":\(numbers(w.b2))},"
    }
    out += "\n\"words\":["
    for (k, word) in words.enumerated() {
      out += k == 0 ? "[" : ",\n["
      for (j, draw) in word.enumerated() {
        out += j == 0 ? "\n" : ",\n"
        out += "{\"context\":[" + draw.context.map(String.init).joined(separator: ",") + "],"
        out += "\"probabilities\":\(numbers(draw.probabilities)),"
        out += "\"uniform\":\(draw.uniform.jsonNumber),\"index\":\(draw.index)}"
      }
      out += "]"
    }
    return out + "]}\n"
  }
}
