import LRAuth

// Uses LRAuth's API and LRCore's types through LRAuth's re-export, without sending anything.
let configuration = try LoginRadiusConfiguration(apiKey: "key", apiSecret: "secret")
let client = try LoginRadiusClient(configuration: configuration)
do {
    _ = try await client.authentication.getProfileByAccessToken(accessToken: " ")
} catch let caught as LoginRadiusError where caught.invalidArgument != nil {
    let argument = caught.invalidArgument!
    print("LRAuth alone links: \(argument.parameter) \(argument.reason)")
}
