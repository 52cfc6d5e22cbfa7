import LRAuth

print("LRAuth linked without the Emulator trait")
