import Verify
print("verify")
