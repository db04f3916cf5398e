import CarouselSolver

/// Realistic, distinct names for generated people, schools and places
/// (English schools, a mix of names as in any English town), handed out
/// without repeats for as many as a 10× problem needs.
struct NamePool {
    static let femaleNames = [
        "Amelia", "Isla", "Ava", "Freya", "Mia", "Poppy", "Zara", "Sophie", "Grace", "Ella", "Ruby", "Lily", "Evie",
        "Aisha",
        "Chloe", "Eleni", "Georgia", "Imogen", "Katie", "Maya", "Olivia", "Rosa", "Tara", "Victoria", "Zoe", "Amara",
        "Carys",
        "Esther", "Gemma", "Iona", "Kerry", "Marta", "Orla", "Priya", "Rachel", "Tanya", "Yasmin", "Abi", "Chantelle",
        "Erin",
        "Jade", "Lorna", "Niamh", "Sasha", "Uma", "Lola", "Hannah", "Jasmine", "Ellie", "Anjali", "Ngozi", "Simran",
        "Bethan",
    ]
    static let maleNames = [
        "Oliver", "Noah", "Leo", "Harry", "Jack", "Alfie", "George", "Arthur", "Theo", "Max", "Oscar", "Henry",
        "Finley", "Ben",
        "Daniel", "Farhan", "Hassan", "Josh", "Luca", "Nathan", "Patrick", "Qasim", "Sam", "Usman", "Will", "Yusuf",
        "Bilal",
        "Darren", "Femi", "Hamid", "Jonah", "Lewis", "Nikhil", "Stefan", "Umair", "Wes", "Zach", "Bruno", "Dev",
        "Fraser", "Hugo",
        "Imran", "Kwame", "Owen", "Reece", "Toby", "Kai", "Mo", "Isaac", "Dylan", "Charlie", "Kofi", "Tom", "Liam",
        "Callum",
    ]
    static let surnames = [
        "Hughes", "Grant", "Thompson", "Patel", "Williams", "Murphy", "Scott", "Evans", "Chowdhury", "Robinson",
        "Turner",
        "Wright", "Ahmed", "Kelly", "Bell", "Green", "Okoye", "Marshall", "Price", "Fletcher", "Khan", "Lewis", "Ward",
        "Bates",
        "Carter", "Shaw", "Brooks", "Collins", "Dlamini", "Edwards", "Farah", "Gill", "Hussain", "Ingram", "Jones",
        "Kowalski",
        "Lam", "Mitchell", "Nowak", "Osei", "Parry", "Quinn", "Reid", "Sharma", "Taylor", "Uddin", "Vance", "Walsh",
        "Xu",
        "Young", "Zielinski", "Akhtar", "Barnes", "Cole", "Doyle", "Foster", "Boateng", "Gallagher", "Obi", "Levy",
        "Kaur",
        "Robertson", "Simmons", "Rahman", "Byrne", "Pritchard", "Desai", "Holloway", "Ivanova", "Whitlock", "Shah",
        "Costa",
        "Ashby", "Bakr", "Cooke", "Dean", "Ekwueme", "Finch", "Goddard", "Hale", "Jamal", "Knight", "Lowry", "Marsh",
        "Nair",
        "O'Neill", "Pope", "Reeves", "Sokol", "Tate", "Vickers", "Webb", "Yates", "Frost", "Gray", "Hurst", "Iqbal",
        "Jarvis",
        "Mensah", "Ferreira", "Okafor", "Adeyemi", "Brennan", "Lindqvist", "Fraser", "Holt", "Morgan", "Singh",
        "Clarke",
    ]
    /// First words of school names.
    static let schoolStems = [
        "Oakfield", "St Peter's CE", "Elm Grove", "Priory Fields", "Cherry Orchard", "Riverside",
        "Holy Trinity Catholic",
        "Parkside", "St Stephen's", "Wincheap Fields", "Pilgrims' Way", "Blean Woods", "Chartham Valley",
        "Bridge and Patrixbourne CE",
        "Littlebourne CE", "Westbrook", "Stour Valley", "Faversham Creek", "Northgate", "Ashgrove", "Beckfield",
        "St Anne's CE",
        "Willow Bank", "Abbey", "Alder", "All Saints CE", "Beech", "Birch", "Bishop's Park", "Brookfield",
        "Castle Hill",
        "Christ Church CE", "Cliftonville", "Downs View", "Fairfield", "Greenfields", "Harbour", "Hawthorn",
        "Kingfisher",
        "Lady Margaret", "Meadowside", "Orchard", "Queensway", "Rosemead", "St John's CE", "St Mary's Catholic",
        "Seaview",
        "Swalecliffe", "Thistle Hill", "Woodlands", "Hillside", "Marsh Lane", "Mill Bank", "Sandgate", "Chalk Hill",
        "Hop Garden",
        "Lime Tree", "Old Road", "Rowan", "St Augustine's", "St Martin's CE", "St Thomas' Catholic", "The Ridge",
        "Valley View",
        "Westgate", "Whitefriars", "Barton", "Canons Park", "Dane Court", "Elham", "Folly Field", "Goose Green",
        "Hawkinge",
        "Iden Park", "Joy Lane", "Kingsdown", "Lydden", "Minster", "Nonington", "Oaklands", "Pegwell", "Ramsey Road",
    ]
    static let secondaryStems = [
        "Kingsmead", "Hillview", "St Anselm's", "Seasalter Bay", "Reculver Park", "North Foreland", "Marlowe",
        "Westgate",
        "Chaucer", "Downsview", "Castle Community", "Archbishop Langton", "Harbour Heights", "Stour Academy",
        "Priory Hill",
        "Barton Court", "Sandwich Haven", "Foreland Fields", "Wantsum", "Channel View",
    ]
    static let towns = [
        "Canterbury", "Whitstable", "Herne Bay", "Faversham", "Margate", "Ramsgate", "Broadstairs", "Sandwich", "Deal",
        "Dover",
        "Folkestone", "Hythe", "Ashford", "Blean", "Littlebourne", "Chartham", "Bridge", "Wingham", "Birchington",
        "Minster",
        "Aylesham", "Sturry", "Westgate", "Tankerton", "Wye", "Lydd", "Sittingbourne", "Maidstone", "Tenterden",
        "Hawkinge",
    ]

    /// Names for a school's classes and teams.
    static let classNames = [
        "Kingfishers", "Otters", "Badgers", "Foxes", "Hedgehogs", "Falcons", "Owls", "Hares", "Robins", "Kestrels",
        "Wrens",
        "Herons", "Squirrels", "Dolphins", "Puffins", "Swifts", "Beavers", "Ospreys", "Red Kites", "Stoats",
    ]

    var random: SeededRandom
    private var people: Set<String> = []
    private var schools: Set<String> = []

    init(seed: UInt64) { random = SeededRandom(seed: seed ^ 0x6E61_6D65) }

    /// A full name not handed out before ("Amelia Hughes").
    mutating func person() -> String { person(female: random.chance(0.5)) }

    mutating func person(female: Bool) -> String {
        let first = female ? Self.femaleNames : Self.maleNames
        while true {
            var name = "\(random.pick(first)) \(random.pick(Self.surnames))"
            if people.count > first.count * Self.surnames.count / 4 {
                name += " \(people.count)"  // beyond the pool: keep names distinct
            }
            if people.insert(name).inserted { return name }
        }
    }

    /// An adult's name with a title ("Ms Grace Okoye").
    mutating func adult() -> String {
        let female = random.chance(0.55)
        return "\(random.pick(female ? ["Ms", "Mrs", "Miss", "Dr"] : ["Mr", "Mr", "Dr"])) \(person(female: female))"
    }

    /// A school name not handed out before: `stem` + `kind` ("Oakfield Primary
    /// School"), then with a town once the stems run out.
    mutating func school(_ kind: String, stems: [String] = NamePool.schoolStems) -> String {
        for stem in random.shuffled(stems) {
            let name = "\(stem) \(kind)"
            if schools.insert(name).inserted { return name }
        }
        while true {
            let name = "\(random.pick(stems)) \(kind), \(random.pick(Self.towns))"
            if schools.insert(name).inserted { return name }
            if schools.count > stems.count * Self.towns.count / 2 {
                let numbered = "\(name) \(schools.count)"
                schools.insert(numbered)
                return numbered
            }
        }
    }
}
