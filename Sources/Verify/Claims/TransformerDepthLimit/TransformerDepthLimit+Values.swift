import Numeric

/// The named values of issue 18 for the instance that was set (indices 0-based).
extension DepthStudy {
  func record(in measurements: Measurements) {
    func record(_ prefix: String, _ m: Matrix<T>) {
      for i in 0..<m.rowCount {
        for j in 0..<m.columnCount { measurements.record("\(prefix)_\(i)_\(j)", m[i, j]) }
      }
    }
    record("ode_X1", limit.x1)
    record("ode_P0", limit.p0)
    for k in 0..<4 { record("ode_G_t\(k)_4", limit.gradientDensity[k]) }
    measurements.record("ode_taylor_steps_forward", limit.steps.forward)
    measurements.record("ode_taylor_steps_backward", limit.steps.backward)
    for run in runs {
      for j in 0..<instance.dimension {
        measurements.record("C1_XL_L\(run.depth)_\(j)", run.output[0, j])
      }
      for j in 0..<instance.dimension {
        measurements.record("C2_P0_L\(run.depth)_\(j)", run.adjoint[0, j])
      }
      measurements.record("C1_loss_L\(run.depth)", run.loss)
    }
    let series: [(String, [T])] = [
      ("C1_LeX", scaled(forwardErrors)), ("C2_LeP", scaled(adjointErrors)),
      ("C1_shifted_LeX", scaled(shiftedErrors)), ("C2_G_err", gradientErrors),
    ]
    for (name, values) in series {
      for (depth, value) in zip(depths, values) { measurements.record("\(name)_L\(depth)", value) }
    }
    measurements.record("C1_c_X", richardson(forwardErrors))
    measurements.record("C2_c_P", richardson(adjointErrors))
    measurements.record("C1_shifted_c_X", richardson(shiftedErrors))
    measurements.record("C1_slope_X", slope(forwardErrors))
    measurements.record("C1_slope_shifted", slope(shiftedErrors))
    measurements.record("C2_slope_P", slope(adjointErrors))
    measurements.record("C2_slope_G", slope(gradientErrors))
    for rule in FirstStepRule.allCases {
      let (deviation, size) = firstStep(rule)
      for (depth, value) in zip(depths, deviation) {
        measurements.record("C5_\(rule.rawValue)_deviation_L\(depth)", value)
      }
      for (depth, value) in zip(depths, size) {
        measurements.record("C5_\(rule.rawValue)_max_entry_L\(depth)", value)
      }
      measurements.record("C5_\(rule.rawValue)_deviation_slope", slope(deviation))
      measurements.record("C5_\(rule.rawValue)_max_entry_slope", slope(size))
    }
  }
}
