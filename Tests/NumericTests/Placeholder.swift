import Testing
@testable import Numeric
