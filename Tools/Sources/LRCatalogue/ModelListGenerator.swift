/// Writes the list of every generated model for the model parity tests (Tests/LRModelTests), so
/// a model added to the catalogue is tested without anyone remembering to list it.
struct ModelListGenerator {
    static let path = "Tests/LRModelTests/Generated/AllModels.swift"
    static let folder = "Tests/LRModelTests/Generated"

    let catalogue: Catalogue

    func file() -> String {
        var out = CodeGenerator.header("Tools/Catalogue/models") + "import LoginRadius\n\n"
        out += "extension ModelParityTests {\n"
        out += "    /// Every model the catalogue declares, in every module.\n"
        out += "    static let generatedModels: [ModelCase] = [\n"
        for module in catalogue.modules {
            for model in catalogue.models(in: module) {
                out +=
                    Layout.call(
                        "ModelCase", ["\(model.name).self", "\(model.name).knownFields"], indent: "        ",
                        trailer: ",") + "\n"
            }
        }
        out += "    ]\n}\n"
        return out
    }
}
