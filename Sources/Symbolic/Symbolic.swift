import Numeric
