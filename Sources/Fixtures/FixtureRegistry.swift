/// The fixture methods `relax check` knows. Registering a method is one line here.
public enum FixtureRegistry {
    public static let methods: [any FixtureMethod.Type] = [
        SortFixtures.self,
        TopKLossFixtures.self,
        LogicLayerFixtures.self,
        LogicNetworkFixtures.self,
        RenderSilhouetteFixtures.self,
        AlgorithmFixtures.self,
    ]

    /// The checker for a contract method name, or `nil`.
    public static func method(named name: String, in methods: [any FixtureMethod.Type] = methods) -> (any FixtureMethod.Type)? {
        methods.first { $0.name == name }
    }
}
