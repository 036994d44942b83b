// SPDX-License-Identifier: GPL-3.0-or-later
// How the built-in corpus is made: every text comes from its own seeded random stream, which
// picks a hero, a friend, a place and a story arc (a problem and how it is solved), or the topics
// of a dialogue, and fills sentence templates with them. Templates name their words in braces:
// "{he}" is the hero's pronoun, "{He}" the same word with a capital letter.
#include "data/builtin_corpus.h"

#include "base/error.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace i3 {

namespace {

// ---- Randomness that is the same everywhere -------------------------------------------------

// splitmix64 with plain modulo: the standard library's distributions differ between
// implementations, and the corpus must not.
class Random {
public:
    explicit Random(uint64_t seed)
        : state_(seed)
    {
    }

    uint64_t next()
    {
        state_ += 0x9E3779B97F4A7C15ull;
        uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }

    template <typename T, size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }

    std::string_view one_of(std::initializer_list<std::string_view> items)
    {
        return *(items.begin() + below(items.size()));
    }

private:
    uint64_t state_;
};

// ---- Words and templates ---------------------------------------------------------------------

// "an" before a vowel sound. A "u" that sounds like "you" (unicorn, useful) takes "a", and the
// silent "h" of "hour" and "honest" takes "an".
bool starts_with_vowel_sound(std::string_view phrase)
{
    for (std::string_view like_you : {"uni", "use", "usu"})
        if (phrase.substr(0, like_you.size()) == like_you)
            return false;
    for (std::string_view silent_h : {"hour", "honest"})
        if (phrase.substr(0, silent_h.size()) == silent_h)
            return true;
    return !phrase.empty() && std::string_view("aeiou").find(phrase[0]) != std::string_view::npos;
}

std::string with_article(std::string_view phrase)
{
    return (starts_with_vowel_sound(phrase) ? "an " : "a ") + std::string(phrase);
}

std::string capitalised(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// The words a text has chosen, by name. A text uses a few dozen, so a list is enough.
class Words {
public:
    void set(const std::string& key, std::string value)
    {
        for (auto& entry : entries_)
            if (entry.first == key) {
                entry.second = std::move(value);
                return;
            }
        entries_.emplace_back(key, std::move(value));
    }

    // Sets "key" to the noun phrase and "a_key" to it with its article.
    void set_noun(const std::string& key, std::string_view phrase)
    {
        set(key, std::string(phrase));
        set("a_" + key, with_article(phrase));
    }

    // Replaces every "{key}" by its word; "{Key}" gives the word with a capital first letter.
    std::string fill(std::string_view pattern) const
    {
        std::string text;
        size_t done = 0;
        while (true) {
            const size_t open = pattern.find('{', done);
            text.append(pattern.substr(done, open - done));
            if (open == std::string_view::npos)
                return text;
            const size_t close = pattern.find('}', open);
            if (close == std::string_view::npos)
                throw Error("built-in corpus: unclosed brace in the template \"" + std::string(pattern) + "\"");
            std::string key(pattern.substr(open + 1, close - open - 1));
            const bool capital = !key.empty() && key[0] >= 'A' && key[0] <= 'Z';
            if (capital)
                key[0] = static_cast<char>(key[0] - 'A' + 'a');
            text += capital ? capitalised(get(key)) : get(key);
            done = close + 1;
        }
    }

private:
    const std::string& get(const std::string& key) const
    {
        for (const auto& entry : entries_)
            if (entry.first == key)
                return entry.second;
        throw Error("built-in corpus: no word chosen for {" + key + "}");
    }

    std::vector<std::pair<std::string, std::string>> entries_;
};

// A story in the making: sentences gathered into paragraphs.
class Story {
public:
    explicit Story(uint64_t seed)
        : random(seed)
    {
    }

    Random random;
    Words words;
    bool hero_is_animal = false;

    void say(std::string_view pattern)
    {
        std::string& paragraph = paragraphs_.back();
        if (!paragraph.empty())
            paragraph += ' ';
        paragraph += words.fill(pattern);
    }

    void say_one_of(std::initializer_list<std::string_view> patterns) { say(random.one_of(patterns)); }

    void new_paragraph()
    {
        if (!paragraphs_.back().empty())
            paragraphs_.emplace_back();
    }

    // The paragraphs joined by `separator` ("\n\n" for a story on its own, " " inside a dialogue).
    std::string text(std::string_view separator) const
    {
        std::string joined;
        for (const auto& paragraph : paragraphs_) {
            if (paragraph.empty())
                continue;
            if (!joined.empty())
                joined += separator;
            joined += paragraph;
        }
        return joined;
    }

private:
    std::vector<std::string> paragraphs_{std::string()};
};

// ---- Word lists ------------------------------------------------------------------------------

const char* const kGirlNames[] = {"Lily", "Mia", "Emma", "Sophie", "Anna", "Lucy", "Sara", "Ella", "Ava", "Grace",
    "Ruby", "Chloe", "Zoe", "Maya", "Nora", "Rosa", "Amy", "Kate", "Molly", "Daisy", "Hannah", "Julia", "Clara",
    "Alice", "Olivia", "Isla", "Luna", "Poppy", "Ivy", "Hazel", "Jasmine", "Leah", "Nina", "Tara", "Bella", "Millie",
    "Holly", "Jenny", "Ellie", "Fiona", "Greta", "Hana", "Iris", "Jade", "Lena", "Maria", "Nadia", "Rita", "Sally",
    "Tina", "Vera", "Wendy", "Yara", "Amara", "Priya", "Aisha", "Fatima", "Mei", "Sakura", "Lola", "Elsa", "Freya",
    "Heidi", "Layla", "Noor", "Sofia", "Camila", "Lucia", "Zara", "Abby", "Beth", "Cora", "Eva", "Gemma", "Joy", "Kira",
    "Meg", "Nell", "Penny", "Rose", "Stella", "Tess", "Zoë", "Chiara", "Ingrid", "Keiko", "Esme", "Orla"};

const char* const kBoyNames[] = {"Tom", "Ben", "Max", "Sam", "Leo", "Jack", "Tim", "Finn", "Noah", "Liam", "Oscar",
    "Jake", "Luke", "Ryan", "Adam", "Alex", "Daniel", "Ethan", "Felix", "George", "Harry", "Henry", "Isaac", "James",
    "Joe", "Kai", "Leon", "Lucas", "Mark", "Nick", "Oliver", "Omar", "Owen", "Paul", "Pete", "Ravi", "Rory", "Theo",
    "Toby", "Victor", "Will", "Zack", "Arlo", "Bruno", "Carlos", "Dev", "Eli", "Hugo", "Ivan", "Jonas", "Kenji",
    "Malik", "Mateo", "Nico", "Otto", "Pablo", "Quinn", "Raj", "Sami", "Tariq", "Yusuf", "Andy", "Billy", "Charlie",
    "Danny", "Eddie", "Freddie", "Gus", "Jimmy", "Kevin", "Louis", "Milo", "Ned", "Ollie", "Ray", "Simon", "Ted", "Wes",
    "Ali", "Bob", "Chen", "Diego", "Emil", "Jamal", "Kofi", "Rafael", "Sven", "Umar"};

// Names that suit a pet or an animal hero.
const char* const kPetNames[] = {"Pip", "Spot", "Fluffy", "Whiskers", "Buttons", "Coco", "Bubbles", "Patch", "Sunny",
    "Pepper", "Biscuit", "Hoppy", "Squeak", "Nibbles", "Ginger", "Shadow", "Snowy", "Puddles", "Twinkle", "Button",
    "Peanut", "Muffin", "Toffee", "Pumpkin", "Cookie", "Socks", "Daisy", "Bear", "Dot", "Fuzzy", "Ziggy", "Pebble",
    "Maple", "Olive", "Honey"};

// Animals that can be the hero of a story, with where such an animal might live.
struct AnimalKind {
    const char* name;
    const char* home;
};
const AnimalKind kHeroAnimals[] = {
    {"cat", "in a warm house at the end of a quiet street"},
    {"dog", "in a little house with a big yard"},
    {"puppy", "in a cozy basket by the fire"},
    {"kitten", "in a house full of soft blankets"},
    {"bunny", "in a burrow under an old oak tree"},
    {"bird", "in a nest high up in a tall tree"},
    {"mouse", "in a tiny hole behind the kitchen wall"},
    {"fox", "in a den at the edge of the forest"},
    {"bear", "in a big cave on the side of a mountain"},
    {"duck", "by a sparkling pond"},
    {"frog", "on a green lily pad in a quiet pond"},
    {"owl", "in a hollow tree in the middle of the woods"},
    {"squirrel", "in a leafy nest at the top of a tree"},
    {"pig", "on a busy farm"},
    {"lion", "on the wide, grassy plains"},
    {"elephant", "near a big river in the jungle"},
    {"turtle", "by a sandy beach"},
    {"horse", "in a red barn on a farm"},
    {"lamb", "in a green field on a farm"},
    {"monkey", "high in the trees of the jungle"},
    {"hedgehog", "under a pile of leaves in a garden"},
    {"penguin", "on the cold, icy shore"},
    {"ant", "in a busy ant hill in the garden"},
    {"bee", "in a golden hive near a field of flowers"},
    {"ladybug", "on a leaf in a sunny garden"},
    {"dinosaur", "in a land of tall ferns and volcanoes"},
    {"dragon", "in a cave on top of a misty hill"},
    {"unicorn", "in a magic forest full of flowers"},
    {"otter", "by a rushing river"},
    {"raccoon", "in a hollow log near the town"},
    {"goat", "on a rocky hill"},
    {"koala", "in a tall eucalyptus tree"},
    {"panda", "in a forest of green bamboo"},
    {"deer", "in a quiet, shady wood"},
    {"chick", "in a warm henhouse on a farm"},
    {"whale", "in the deep blue sea"},
};

const char* const kHeroTraits[] = {"happy", "curious", "kind", "brave", "shy", "funny", "clever", "cheerful", "playful",
    "gentle", "friendly", "busy", "sleepy", "silly", "smart", "lively", "helpful", "quiet", "adventurous", "honest",
    "polite", "careful", "proud", "caring"};

const char* const kHomes[] = {"in a small house near the woods", "in a little town by the sea", "on a big farm",
    "in a busy city", "in a cozy house with a blue door", "in a village on a hill", "in a yellow house next to a park",
    "in an apartment above a bakery", "in a cottage near a river", "in a quiet town full of trees",
    "in a house with a big garden", "on a little island"};

// Activities in their three forms: "loved to X", "X-ing was fun", "yesterday she X-ed".
struct Activity {
    const char* base;
    const char* ing;
    const char* past;
};
const Activity kActivities[] = {
    {"play in the park", "playing in the park", "played in the park"},
    {"draw pictures", "drawing pictures", "drew pictures"},
    {"read books", "reading books", "read books"},
    {"sing songs", "singing songs", "sang songs"},
    {"dance", "dancing", "danced"},
    {"run and jump", "running and jumping", "ran and jumped"},
    {"build towers with blocks", "building towers with blocks", "built towers with blocks"},
    {"play with a ball", "playing with a ball", "played with a ball"},
    {"look at the stars", "looking at the stars", "looked at the stars"},
    {"pick flowers", "picking flowers", "picked flowers"},
    {"help in the garden", "helping in the garden", "helped in the garden"},
    {"splash in puddles", "splashing in puddles", "splashed in puddles"},
    {"climb trees", "climbing trees", "climbed trees"},
    {"bake cookies", "baking cookies", "baked cookies"},
    {"paint with bright colors", "painting with bright colors", "painted with bright colors"},
    {"play hide and seek", "playing hide and seek", "played hide and seek"},
    {"swim in the lake", "swimming in the lake", "swam in the lake"},
    {"ride a bike", "riding a bike", "rode a bike"},
    {"fly a kite", "flying a kite", "flew a kite"},
    {"collect shiny rocks", "collecting shiny rocks", "collected shiny rocks"},
    {"watch the clouds", "watching the clouds", "watched the clouds"},
    {"play the drum", "playing the drum", "played the drum"},
    {"make funny faces", "making funny faces", "made funny faces"},
    {"explore the woods", "exploring the woods", "explored the woods"},
    {"listen to stories", "listening to stories", "listened to stories"},
    {"count the birds", "counting the birds", "counted the birds"},
    {"make things out of paper", "making things out of paper", "made things out of paper"},
    {"play in the snow", "playing in the snow", "played in the snow"},
    {"dig in the sand", "digging in the sand", "dug in the sand"},
    {"chase butterflies", "chasing butterflies", "chased butterflies"},
    {"jump on the bed", "jumping on the bed", "jumped on the bed"},
    {"roll down the hill", "rolling down the hill", "rolled down the hill"},
    {"look for bugs", "looking for bugs", "looked for bugs"},
    {"play music", "playing music", "played music"},
    {"tell jokes", "telling jokes", "told jokes"},
};

// Places outside, with the word that goes before them ("at the park", "in the forest").
struct Place {
    const char* name;
    const char* preposition;
};
const Place kPlaces[] = {{"the park", "at"}, {"the beach", "at"}, {"the forest", "in"}, {"the garden", "in"},
    {"the farm", "on"}, {"the zoo", "at"}, {"the lake", "by"}, {"the playground", "at"}, {"the meadow", "in"},
    {"the backyard", "in"}, {"the hill", "on"}, {"the river", "by"}, {"the pond", "by"}, {"the field", "in"},
    {"the woods", "in"}, {"the orchard", "in"}, {"the town square", "in"}, {"the old bridge", "by"}};

const char* const kToys[] = {"ball", "kite", "teddy bear", "toy car", "doll", "toy train", "puzzle", "drum", "yo-yo",
    "toy robot", "stuffed elephant", "wooden boat", "airplane", "jump rope", "spinning top", "music box",
    "picture book", "toy dinosaur", "owl puppet", "rubber duck", "whistle", "toy truck", "blanket", "magic wand",
    "wooden horse", "paper crown", "marble", "toy boat", "wagon", "umbrella"};

// Words that can go before a toy: "a red kite", "an old teddy bear".
const char* const kToyLooks[] = {"red", "blue", "green", "yellow", "orange", "purple", "pink", "shiny", "old", "new",
    "big", "little", "striped", "spotted", "brown", "white"};

const char* const kFragileThings[] = {"vase", "lamp", "cup", "plate", "flower pot", "picture frame", "cookie jar",
    "mirror", "glass bowl", "clock", "teapot", "snow globe"};

const char* const kHidingSpots[] = {"under the bed", "behind the big chair", "in the toy box", "under the sofa",
    "in the laundry basket", "next to the front door", "under a pile of leaves", "inside a boot", "behind the curtains",
    "in the garden shed", "under the kitchen table", "on top of the shelf", "in the dog's bed", "inside the bathtub"};

const char* const kVegetables[] = {"carrots", "peas", "broccoli", "spinach", "beans", "cabbage", "cauliflower",
    "zucchini", "beets", "peppers", "onions", "mushrooms"};

const char* const kSnacks[] = {"cookies", "apples", "sandwiches", "cupcakes", "grapes", "muffins", "pancakes",
    "strawberries", "bananas", "cheese", "oranges", "pretzels"};

const char* const kFeelingsGood[] = {"happy", "glad", "joyful", "delighted", "cheerful"};
const char* const kFeelingsBad[] = {"sad", "upset", "worried", "unhappy", "grumpy", "very sad"};

// ---- Characters ------------------------------------------------------------------------------

struct Person {
    std::string name;
    bool female;
};

Person pick_child(Random& random)
{
    if (random.chance(50))
        return {random.pick(kGirlNames), true};
    return {random.pick(kBoyNames), false};
}

// Sets "{prefix}he", "{prefix}him", "{prefix}his" and "{prefix}himself".
void set_pronouns(Words& words, const std::string& prefix, bool female)
{
    words.set(prefix + "he", female ? "she" : "he");
    words.set(prefix + "him", female ? "her" : "him");
    words.set(prefix + "his", female ? "her" : "his");
    words.set(prefix + "himself", female ? "herself" : "himself");
}

// The hero: a child or an animal, with a name, pronouns, a description and a home.
void choose_hero(Story& story)
{
    Random& random = story.random;
    Words& words = story.words;
    const std::string trait = random.chance(70) ? std::string(random.pick(kHeroTraits)) + " " : "";
    const std::string little = random.chance(50) ? "little " : "";
    if (random.chance(65)) {
        const Person child = pick_child(random);
        words.set("name", child.name);
        words.set("kind", child.female ? "girl" : "boy");
        words.set_noun("hero", trait + little + (child.female ? "girl" : "boy"));
        words.set("home", random.pick(kHomes));
        set_pronouns(words, "", child.female);
        return;
    }
    const AnimalKind& animal = random.pick(kHeroAnimals);
    const bool female = random.chance(50);
    words.set("name",
        random.chance(60) ? random.pick(kPetNames) : (female ? random.pick(kGirlNames) : random.pick(kBoyNames)));
    words.set("kind", animal.name);
    words.set_noun("hero", trait + little + animal.name);
    words.set("home", animal.home);
    set_pronouns(words, "", female);
    story.hero_is_animal = true;
}

// A friend with another name; a friend of an animal hero is an animal too.
void choose_friend(Story& story)
{
    Random& random = story.random;
    Words& words = story.words;
    const std::string hero = words.fill("{name}");
    Person friend_ = pick_child(random);
    while (friend_.name == hero)
        friend_ = pick_child(random);
    words.set("friend", friend_.name);
    set_pronouns(words, "friend_", friend_.female);
    if (story.hero_is_animal) {
        const std::string kind = random.pick(kHeroAnimals).name;
        words.set("friend_intro", words.fill("{his} friend " + friend_.name + " the " + kind));
    } else {
        words.set("friend_intro", words.fill("{his} friend " + friend_.name));
    }
}

// A grown-up of the hero's family: "{grownup}" reads "her mom", "his grandpa", ...
void choose_grownup(Story& story)
{
    struct Relative {
        const char* name;
        bool female;
    };
    static const Relative kRelatives[] = {{"mom", true}, {"dad", false}, {"grandma", true}, {"grandpa", false},
        {"mommy", true}, {"daddy", false}, {"aunt", true}, {"uncle", false}, {"big sister", true},
        {"big brother", false}};
    const Relative& relative = story.random.pick(kRelatives);
    story.words.set("grownup", story.words.fill("{his} ") + relative.name);
    set_pronouns(story.words, "grownup_", relative.female);
}

void choose_place(Story& story)
{
    const Place& place = story.random.pick(kPlaces);
    story.words.set("place", place.name);
    story.words.set("at_place", std::string(place.preposition) + " " + place.name);
}

void choose_toy(Story& story)
{
    std::string toy = story.random.pick(kToys);
    if (story.random.chance(40))
        toy = std::string(story.random.pick(kToyLooks)) + " " + toy;
    story.words.set_noun("toy", toy);
}

void choose_activity(Story& story)
{
    const Activity& activity = story.random.pick(kActivities);
    story.words.set("activity", activity.base);
    story.words.set("activity_ing", activity.ing);
    story.words.set("activity_past", activity.past);
}

void choose_feelings(Story& story)
{
    story.words.set("good_feeling", story.random.pick(kFeelingsGood));
    story.words.set("bad_feeling", story.random.pick(kFeelingsBad));
}

// ---- The beginning of a story ----------------------------------------------------------------

void opening(Story& story)
{
    if (story.random.chance(60)) {
        story.say_one_of({"Once upon a time, there was {a_hero} named {Name}.",
            "Once upon a time, there was {a_hero} named {Name} who lived {home}.",
            "Once upon a time, {a_hero} named {Name} lived {home}.",
            "Once upon a time, {home}, there lived {a_hero} named {Name}."});
    } else {
        story.say_one_of({"There once was {a_hero} named {Name}.", "{Name} was {a_hero} who lived {home}.",
            "Long ago, {home}, there lived {a_hero} named {Name}.",
            "One sunny morning, {a_hero} named {Name} woke up early.",
            "In a faraway land, there was {a_hero} called {Name}.",
            "Not long ago, {a_hero} named {Name} lived {home}."});
    }
    story.say_one_of({"{He} loved to {activity}.", "{His} favorite thing to do was to {activity}.",
        "Every day, {he} liked to {activity}.", "{He} liked {activity_ing} more than anything.",
        "{Name} was very good at {activity_ing}.", "{He} had {a_toy} that {he} loved very much.",
        "{He} took {his} {toy} everywhere {he} went."});
    if (story.random.chance(50))
        story.say_one_of({"{Name} was always smiling.", "{He} had lots of friends.",
            "Everyone liked {Name} because {he} was so kind.", "{He} asked a lot of questions about everything.",
            "{He} was small, but {he} had a big heart.", "{He} liked to say hello to everyone {he} met."});
}

// ---- Story arcs: a problem and how it is solved ----------------------------------------------

void arc_lost_toy(Story& s)
{
    s.words.set("spot", s.random.pick(kHidingSpots));
    s.say_one_of(
        {"One day, {Name} could not find {his} {toy}.", "One morning, {Name} woke up and {his} {toy} was gone.",
            "After lunch, {Name} wanted to play with {his} {toy}, but it was not in its place."});
    s.say_one_of({"{He} looked in {his} room. {He} looked in the kitchen. {He} even looked in the bathtub, but "
                  "the {toy} was not there.",
        "{He} searched everywhere, but {he} could not find it.",
        "{He} looked high and low, but the {toy} was nowhere to be seen."});
    s.say("{Name} felt {bad_feeling}.");
    s.new_paragraph();
    s.say_one_of({"{Grownup} saw that {Name} was sad and asked, \"What is wrong?\"",
        "Then {grownup} came in and asked, \"Why are you so sad?\""});
    s.say_one_of(
        {"{Name} said, \"I lost my {toy}, and I can't find it anywhere.\"", "{Name} answered, \"My {toy} is lost!\""});
    s.say_one_of({"{Grownup} smiled and said, \"Let's look for it together.\"",
        "\"Don't worry,\" said {grownup}. \"Two pairs of eyes are better than one.\""});
    s.say_one_of({"They looked and looked. At last, {Name} found the {toy} {spot}!",
        "Together they searched the whole house. Soon, {grownup} found the {toy} {spot}."});
    if (s.random.chance(40))
        s.say_one_of({"The dog had taken it there to play!", "{Name} had left it there the day before and forgot.",
            "The cat had hidden it there."});
    s.say("{Name} was so {good_feeling}. {He} hugged {grownup} and said, \"Thank you for helping me!\"");
    s.new_paragraph();
    s.say_one_of({"From that day on, {Name} always put {his} {toy} back in its place.",
        "{Name} learned that it is good to ask for help when you need it.",
        "After that, {Name} kept {his} {toy} safe in a special box."});
}

void arc_sharing(Story& s)
{
    s.say_one_of({"One day, {Name} went to {place} with {his} {toy}.",
        "One afternoon, {Name} was playing with {his} {toy} {at_place}."});
    s.say("There {he} met {friend_intro}.");
    s.say_one_of({"{Friend} wanted to play with the {toy} too.",
        "{Friend} looked at the {toy} and asked, \"Can I play with it too?\""});
    s.say_one_of({"But {Name} did not want to share. {He} said, \"No, it is mine!\"",
        "{Name} held the {toy} tight and shook {his} head."});
    s.say("{Friend} felt sad and walked away.");
    s.new_paragraph();
    s.say_one_of({"Now {Name} was playing all alone. It was not fun anymore.",
        "{Name} played by {himself}, but soon {he} felt lonely."});
    s.say_one_of(
        {"{He} thought about how {Friend} felt.", "{He} remembered what {grownup} always said about sharing."});
    s.say("{He} walked over to {Friend} and said, \"I am sorry. Do you want to play with my {toy}?\"");
    s.say_one_of({"{Friend} smiled a big smile.", "{Friend} said, \"Yes, please!\""});
    s.say_one_of({"They played together all afternoon and laughed a lot.",
        "They took turns with the {toy}, and it was much more fun than playing alone."});
    s.new_paragraph();
    s.say_one_of({"{Name} learned that sharing makes everyone happy.",
        "From that day on, {Name} and {Friend} were best friends, and they always shared their toys.",
        "Sharing is caring, and {Name} never forgot it."});
}

struct Fear {
    const char* thing;
    const char* scene;
    const char* comfort;
    const char* brave;
};
const Fear kFears[] = {
    {"the dark", "At night, when the light went off, {Name} pulled the blanket over {his} head.",
        "{Grownup} gave {him} a little night light shaped like a moon.",
        "With the soft light on, the room did not look scary at all, and {Name} fell asleep."},
    {"thunder", "One night, there was a big storm. The thunder went boom, and {Name} hid under the bed.",
        "{Grownup} held {him} close and said, \"Thunder is just a loud noise. It can't hurt you.\"",
        "They counted the seconds between the flashes and the booms, and soon it was almost a game."},
    {"the big slide", "{At_place}, there was a very tall slide. {Name} climbed up, looked down and froze.",
        "{Friend} waved from the bottom and said, \"You can do it! I will wait for you here.\"",
        "{Name} took a deep breath and went down the slide. Whee! It was so much fun that {he} went again."},
    {"the deep water", "At the pool, the water looked very deep. {Name} stood at the edge and did not want to jump.",
        "{Grownup} got in the water, held out {grownup_his} arms and said, \"I will catch you.\"",
        "{Name} jumped, and {grownup} caught {him}. Splash! Soon {he} was kicking and laughing."},
    {"the big dog next door", "Every time the big dog next door barked, {Name} ran inside.",
        "One day, the neighbor brought the dog over and said, \"His name is Rufus. He just wants to say hello.\"",
        "{Name} held out {his} hand. Rufus sniffed it and wagged his tail. He was not scary at all."},
    {"the first day at school", "On the first day of school, {Name} held on to {grownup} and did not want to go in.",
        "{Grownup} said, \"Everyone is new today. I will come back for you after lunch.\"",
        "In the classroom, a friendly teacher showed {Name} the paints and the books, and the day went by fast."},
    {"the doctor", "{Name} had to go to the doctor, and {he} was afraid of the shot.",
        "The doctor smiled and said, \"It will feel like a tiny pinch, and it will help keep you healthy.\"",
        "It was over very fast. The doctor gave {Name} a sticker for being so brave."},
    {"the noisy vacuum cleaner", "Whenever the vacuum cleaner roared, {Name} covered {his} ears and ran away.",
        "{Grownup} let {Name} push the button {himself} and showed {him} how it eats the dust.",
        "Soon {Name} was helping to clean the whole living room."},
};

void arc_fear(Story& s)
{
    const Fear& fear = s.random.pick(kFears);
    s.words.set("fear", fear.thing);
    s.say_one_of({"But {Name} was afraid of {fear}.", "There was one thing {Name} did not like: {fear}.",
        "{Name} was brave about many things, but {he} was scared of {fear}."});
    s.say(fear.scene);
    s.new_paragraph();
    s.say(fear.comfort);
    s.say(fear.brave);
    s.new_paragraph();
    s.say_one_of(
        {"{Name} felt very proud of {himself}.", "{Name} learned that being brave does not mean you are never scared.",
            "After that day, {Name} was not afraid of {fear} anymore."});
}

void arc_honesty(Story& s)
{
    s.words.set("fragile", s.random.pick(kFragileThings));
    s.say_one_of({"One day, {Name} was playing with {his} {toy} in the living room.",
        "One rainy afternoon, {Name} was running around the house."});
    s.say("{Grownup} had told {him} to be careful inside.");
    s.say_one_of({"Suddenly, there was a loud crash. The {fragile} fell on the floor and broke into pieces!",
        "Oops! {Name} bumped into the table, and the {fragile} fell down and broke."});
    s.say_one_of({"{Name} was scared. {He} wanted to hide.", "{Name} felt a lump in {his} throat.",
        "{His} heart beat fast. Maybe no one would know."});
    s.new_paragraph();
    s.say_one_of(
        {"But {Name} knew that hiding would not be right.", "Then {he} thought, \"I should tell the truth.\""});
    s.say("{He} went to {grownup} and said, \"I broke the {fragile}. I am sorry.\"");
    s.say_one_of({"{Grownup} hugged {him} and said, \"Thank you for telling me the truth. That was very brave.\"",
        "{Grownup} was not angry. {Grownup_he} said, \"Things can be fixed. I am glad you were honest.\""});
    s.say_one_of({"Together they cleaned up the pieces.", "They glued the {fragile} back together.",
        "They picked up the pieces carefully and swept the floor."});
    s.new_paragraph();
    s.say_one_of({"{Name} learned that telling the truth is always the best thing to do.",
        "{Name} felt much better. Being honest made {his} heart feel light."});
}

struct Skill {
    const char* goal;
    const char* attempt;
    const char* success;
};
const Skill kSkills[] = {
    {"ride a bike", "{He} got on the bike and pushed the pedals. The bike wobbled, and {he} fell down.",
        "{He} rode all the way to the end of the street!"},
    {"swim", "{He} kicked {his} legs and moved {his} arms, but {he} sank and got water up {his} nose.",
        "{He} swam across the whole pool!"},
    {"tie {his} shoes", "{He} made a loop, but the laces slipped and came apart.",
        "{He} made two loops, pulled them tight, and the bow stayed!"},
    {"fly a kite", "{He} ran across the field, but the kite fell to the ground.",
        "The wind caught the kite, and it flew high up in the sky!"},
    {"whistle", "{He} puckered {his} lips and blew, but only air came out.", "A clear, happy whistle came out!"},
    {"jump rope", "{He} swung the rope, but it caught on {his} feet every time.", "{He} jumped ten times in a row!"},
    {"read a whole book", "The words were long, and {he} had to stop at every page.",
        "{He} read the last page all by {himself}!"},
    {"climb the big tree", "{He} reached for the first branch, but {his} hands slipped.",
        "{He} sat on a high branch and could see the whole town!"},
    {"bake a cake", "The first cake came out of the oven flat and burnt.", "The cake came out tall, soft and golden!"},
    {"draw a horse", "{His} horse looked more like a potato with legs.",
        "{His} horse looked like it could run off the page!"},
    {"skate", "{He} put on the skates and stood up, but {his} feet slid out and {he} landed on {his} bottom.",
        "{He} glided all the way around the rink!"},
    {"play the piano", "{His} fingers got mixed up, and the song sounded all wrong.",
        "{He} played the whole song without a single mistake!"},
};

void arc_practice(Story& s)
{
    const Skill& skill = s.random.pick(kSkills);
    s.words.set("goal", s.words.fill(skill.goal));
    s.say_one_of({"One day, {Name} wanted to learn to {goal}.", "{Name} really wanted to {goal}.",
        "All of {his} friends could {goal}, and {Name} wanted to {goal} too."});
    s.say(skill.attempt);
    s.say_one_of({"{Name} felt like giving up.", "\"I will never be able to do it,\" said {Name}.",
        "{Name} was {bad_feeling} and wanted to stop."});
    s.new_paragraph();
    s.say_one_of({"{Grownup} said, \"Everyone needs practice. Try again, a little at a time.\"",
        "{Friend} said, \"I fell a lot when I was learning too. Keep trying!\"",
        "Then {he} remembered what {grownup} said: \"Practice makes you better.\""});
    s.say_one_of({"So {Name} tried again. And again. And again.", "{Name} practiced every day for a whole week.",
        "{Name} did not give up. {He} tried again the next day, and the day after that."});
    s.say("Then, one day, {he} did it. " + std::string(skill.success));
    s.new_paragraph();
    s.say_one_of({"{Name} was so proud. {He} learned that if you keep trying, you can do hard things.",
        "Everyone clapped for {Name}. {He} learned that practice and patience really work.",
        "{Name} smiled from ear to ear. Never giving up was the best thing {he} ever did."});
}

struct Rescue {
    const char* who;
    const char* trouble;
    const char* help;
    const char* thanks;
};
const Rescue kRescues[] = {
    {"an old man", "He was carrying two heavy bags, and one of them tore open. Apples rolled everywhere.",
        "{Name} ran after the apples and picked them up, one by one.",
        "The old man smiled and said, \"Thank you, little one. You have a kind heart.\""},
    {"a little bird", "It had fallen out of its nest and could not fly back up.",
        "{Name} carefully lifted the bird in a soft cloth, and {grownup} helped put it back in its nest.",
        "The mother bird sang a happy song, as if to say thank you."},
    {"a kitten", "It was stuck high up in a tree and was meowing loudly.",
        "{Name} ran to get {grownup}, who brought a ladder and gently carried the kitten down.",
        "The kitten purred and rubbed its head on {Name}'s hand."},
    {"a lost puppy", "It had no owner in sight and looked cold and frightened.",
        "{Name} read the tag on its collar, and together with {grownup} {he} walked the puppy home.",
        "The puppy's family was so happy. They gave {Name} a big thank-you hug."},
    {"an old woman", "She had dropped her glasses in the tall grass and could not see to find them.",
        "{Name} got down on {his} knees and searched until {he} found them.",
        "The old woman put on her glasses and said, \"Now I can see what a kind child you are!\""},
    {"a little turtle", "It was lying on its back and could not turn over.",
        "{Name} gently turned the turtle right side up.", "The turtle blinked and slowly walked off to the pond."},
    {"a new kid", "He was sitting all alone on a bench and looked sad.",
        "{Name} walked over and said, \"Hello! Do you want to play with us?\"",
        "The new kid smiled, and soon he was laughing with everyone."},
    {"a baby duck", "It had lost its mother and was peeping all alone by the path.",
        "{Name} walked slowly behind the duckling and guided it to the water.",
        "There was the mother duck! The duckling swam to her, and they paddled away together."},
    {"a bee", "It was stuck in a puddle and its wings were wet.", "{Name} held out a leaf, and the bee climbed on.",
        "In the sun, the bee dried its wings and buzzed happily away."},
};

void arc_rescue(Story& s)
{
    const Rescue& rescue = s.random.pick(kRescues);
    s.words.set("who", rescue.who);
    s.say_one_of(
        {"One day, {Name} was walking {at_place} when {he} saw {who}.", "On the way to {place}, {Name} saw {who}.",
            "One afternoon, {Name} and {friend_intro} found {who} {at_place}."});
    s.say(rescue.trouble);
    s.say_one_of({"{Name} wanted to help.", "\"We have to help,\" said {Name}.",
        "{Name} did not just walk by. {He} stopped to help."});
    s.new_paragraph();
    s.say(rescue.help);
    s.say(rescue.thanks);
    s.new_paragraph();
    s.say_one_of({"{Name} felt {good_feeling}. Helping others made {him} feel good inside.",
        "{Name} learned that even a small act of kindness can mean a lot.",
        "That night, {Name} told {grownup} all about it, and {grownup} said, \"I am proud of you.\""});
}

void arc_rainy_day(Story& s)
{
    s.words.set("plan",
        std::string(s.random.one_of({"have a picnic", "play football", "go to the zoo", "fly kites", "ride their bikes",
            "go to the beach", "play in the park"})));
    s.say_one_of({"One Saturday, {Name} and {friend_intro} wanted to {plan}.",
        "{Name} had a big plan for the day: to {plan} with {friend_intro}."});
    s.say_one_of({"But then dark clouds came, and it started to rain.",
        "But when they looked out of the window, it was pouring with rain.",
        "Just as they put on their shoes, there was a clap of thunder and the rain came down."});
    s.say("{Name} felt {bad_feeling}. \"Now our day is ruined,\" {he} said.");
    s.new_paragraph();
    s.say_one_of({"{Grownup} had an idea. \"Why don't you build a fort with blankets and pillows?\"",
        "{Grownup} smiled and said, \"Let's bake cookies instead!\"",
        "{Grownup} brought out paper and paints and said, \"Let's paint the rain!\"",
        "{Grownup} said, \"Why don't you put on your boots and splash in the puddles?\""});
    s.say_one_of({"It was the best idea ever. They laughed and played until the evening.",
        "They had so much fun that they forgot all about the rain.", "Soon the whole house was full of laughter."});
    if (s.random.chance(50))
        s.say("When the rain stopped, there was a beautiful rainbow in the sky.");
    s.new_paragraph();
    s.say_one_of({"{Name} learned that a rainy day can be a happy day too.",
        "Sometimes plans change, and something even better happens."});
}

void arc_lost_in_crowd(Story& s)
{
    s.words.set("busy_place",
        std::string(s.random.one_of({"the market", "the fair", "the big store", "the train station", "the festival"})));
    s.say("One day, {Name} went to {busy_place} with {grownup}.");
    s.say_one_of({"There were so many people and so many things to see.", "It was loud and busy and full of colors."});
    s.say_one_of({"{Name} stopped to look at a man juggling balls.", "{Name} stopped to look at a stall full of toys.",
        "{Name} stopped to watch a clown make balloon animals."});
    s.say("When {he} turned around, {grownup} was gone!");
    s.say("{Name} felt scared. {His} eyes filled with tears.");
    s.new_paragraph();
    s.say_one_of({"Then {he} remembered what {grownup} had told {him}: \"If you get lost, stay where you are and ask "
                  "a helper.\"",
        "Then {he} saw a lady in a uniform and remembered that helpers can help lost children."});
    s.say("{Name} asked for help, and the helper said, \"Don't worry. We will find your family.\"");
    s.say_one_of({"A few minutes later, {grownup} came running.", "Soon {Name} heard a voice calling {his} name."});
    s.say("{Grownup} hugged {him} tight and said, \"I was so worried!\"");
    s.new_paragraph();
    s.say_one_of({"From then on, {Name} always stayed close in busy places.",
        "{Name} learned to stay close to {grownup} and to ask for help when lost."});
}

struct HungryAnimal {
    const char* animal;
    const char* food;
};
const HungryAnimal kHungryAnimals[] = {{"bird", "some seeds"}, {"squirrel", "a few nuts"}, {"duck", "some peas"},
    {"rabbit", "a carrot"}, {"horse", "an apple"}, {"cat", "a little fish"}, {"goat", "some fresh grass"},
    {"hedgehog", "some cat food"}, {"pony", "a juicy apple"}, {"chicken", "some corn"}, {"puppy", "a dog biscuit"},
    {"deer", "some leaves"}};

void arc_hungry_animal(Story& s)
{
    const HungryAnimal& hungry = s.random.pick(kHungryAnimals);
    s.words.set_noun("critter", hungry.animal);
    s.words.set("food", hungry.food);
    s.say_one_of({"One day, {Name} found {a_critter} {at_place}.", "{At_place}, {Name} saw a thin little {critter}."});
    s.say_one_of({"It looked very hungry.", "It was cold and hungry and all alone.",
        "The poor {critter} had not eaten for a long time."});
    s.say("{Name} asked {grownup}, \"What can we give it to eat?\"");
    s.say("{Grownup} said, \"Let's give it {food}.\"");
    s.new_paragraph();
    s.say_one_of({"The {critter} gobbled up the food.", "The {critter} sniffed the food and then ate every bit."});
    s.say_one_of({"After that, the {critter} came back every day to visit {Name}.",
        "The {critter} looked up at {Name} as if to say thank you.",
        "Soon the {critter} and {Name} were good friends."});
    s.say_one_of({"{Name} named it {pet}.", "{Name} called it {pet}, and it seemed to like its new name."});
    s.new_paragraph();
    s.say_one_of({"{Name} learned that animals need our kindness too.",
        "Every time {Name} saw {pet}, {he} felt {good_feeling}."});
}

void arc_building(Story& s)
{
    struct Build {
        const char* thing;
        const char* where;
        const char* ruin;
    };
    static const Build kBuilds[] = {
        {"sandcastle", "at the beach", "Then a big wave came and washed it away."},
        {"tower of blocks", "in the living room", "Then the cat jumped on the table, and the tower fell down."},
        {"snowman", "in the yard", "Then the sun came out, and the snowman began to melt."},
        {"tree house", "in the garden", "Then a strong wind blew, and the roof fell off."},
        {"fort of sticks", "in the woods", "Then a big dog ran through it and knocked it over."},
        {"bird house", "in the shed", "Then {Name} tripped, and it fell and broke into pieces."},
    };
    const Build& build = s.random.pick(kBuilds);
    s.words.set_noun("build", build.thing);
    s.words.set("build_where", build.where);
    s.say_one_of({"One day, {Name} and {friend_intro} built {a_build} {build_where}.",
        "{Name} and {friend_intro} worked all morning on {a_build} {build_where}."});
    s.say_one_of(
        {"It was the best {build} they had ever made.", "It was big and beautiful, and they were very proud."});
    s.say(build.ruin);
    s.say_one_of({"{Name} was {bad_feeling} and started to cry.", "{Friend} looked at the mess and felt sad."});
    s.new_paragraph();
    s.say_one_of({"Then {Name} said, \"Let's build it again, even better than before!\"",
        "Then {Friend} said, \"We made it once. We can make it again!\""});
    s.say_one_of({"This time, they worked together even harder.", "They worked side by side and helped each other."});
    s.say("The new {build} was bigger and stronger than the first one.");
    s.new_paragraph();
    s.say_one_of({"They learned that working together makes hard things easier.",
        "They learned that when something breaks, you can always start again."});
}

void arc_race(Story& s)
{
    s.say_one_of({"One day, there was a big race {at_place}.", "At school, there was a running race on sports day."});
    s.say("{Name} wanted to win more than anything.");
    s.say("{Friend} was in the race too.");
    s.say_one_of(
        {"Ready, set, go! {Name} ran as fast as {he} could.", "When the race began, {Name} was in front of everyone."});
    s.new_paragraph();
    s.say("Then {Friend} tripped and fell down. {Friend_he} hurt {friend_his} knee.");
    s.say_one_of({"{Name} stopped running. {He} went back to help {friend_him}.",
        "{Name} could have kept running, but {he} turned around to help."});
    s.say("{He} helped {Friend} up, and they walked to the finish line together.");
    s.say_one_of({"They did not win the race.", "They came last."});
    s.new_paragraph();
    s.say_one_of({"But everyone clapped and cheered for them.",
        "But {grownup} gave {Name} a big hug and said, \"I am so proud of you.\""});
    s.say_one_of({"{Name} learned that being kind is more important than winning.",
        "{Name} felt happier than if {he} had won."});
}

void arc_planting(Story& s)
{
    struct Seed {
        const char* plant;
        const char* result;
    };
    static const Seed kSeeds[] = {{"sunflower", "a tall sunflower, taller than {Name}"},
        {"tomato plant", "a bush full of red tomatoes"}, {"apple tree", "a little tree with shiny green leaves"},
        {"rose bush", "a bush with bright red roses"}, {"pumpkin", "a huge orange pumpkin"},
        {"strawberry plant", "a plant full of sweet strawberries"},
        {"bean plant", "a bean plant that climbed up a stick"}};
    const Seed& seed = s.random.pick(kSeeds);
    s.words.set_noun("plant", seed.plant);
    s.say_one_of({"One spring day, {grownup} gave {Name} a tiny seed.",
        "{Name} found a seed in the shed and showed it to {grownup}."});
    s.say("\"If you take care of it, it will grow into {a_plant},\" said {grownup}.");
    s.say("{Name} planted the seed in a pot and watered it.");
    s.new_paragraph();
    s.say_one_of({"The next day, {he} looked at the pot. Nothing!",
        "Every morning, {Name} checked the pot, but nothing happened."});
    s.say_one_of({"{He} asked, \"Why is it not growing?\"", "{Name} was tired of waiting."});
    s.say("{Grownup} said, \"Be patient. Good things take time.\"");
    s.say("So {Name} kept watering the seed every day, and {he} put the pot in the sun.");
    s.new_paragraph();
    s.say("One morning, there was a tiny green sprout! It grew and grew.");
    s.say("By the end of the summer, it was " + std::string(seed.result) + ".");
    s.say_one_of({"{Name} learned that patience is worth it.", "{Name} was so proud of {his} {plant}."});
}

void arc_gift(Story& s)
{
    s.say_one_of({"It was {grownup}'s birthday soon.", "Tomorrow was a special day: {grownup}'s birthday."});
    s.say("{Name} wanted to give {grownup_him} a present, but {he} had no money.");
    s.say("{He} thought and thought.");
    s.new_paragraph();
    struct Idea {
        const char* idea;
        const char* work;
    };
    static const Idea kIdeas[] = {
        {"{He} would make a card!", "{He} cut, glued and colored all afternoon, and {he} kept it a secret."},
        {"{He} would pick the prettiest flowers in the garden.",
            "{He} picked red, yellow and white flowers and tied them together with a ribbon."},
        {"{He} would write a song just for {grownup_him}.",
            "{He} practiced the song again and again until {he} knew every word."},
        {"{He} would draw a picture of the whole family.",
            "{He} worked on it all afternoon and used all of {his} favorite colors."},
    };
    const Idea& idea = s.random.pick(kIdeas);
    s.say("Then {he} had an idea.");
    s.say(idea.idea);
    s.say(idea.work);
    s.new_paragraph();
    s.say("On the birthday, {Name} gave {grownup} the present.");
    s.say_one_of({"{Grownup} smiled so wide and said, \"This is the best present I have ever had!\"",
        "{Grownup} had tears of joy in {grownup_his} eyes and gave {Name} a big hug."});
    s.say_one_of({"{Name} learned that the best gifts come from the heart.",
        "{Name} learned that a gift you make yourself is full of love."});
}

void arc_new_friend(Story& s)
{
    s.say_one_of({"One day, a new {friend_kind} came to {Name}'s class. {Friend_his} name was {Friend}.",
        "One day, a new {friend_kind} named {Friend} moved in next door."});
    s.say_one_of({"{Friend} was very quiet and sat alone.", "{Friend} did not know anyone and looked shy."});
    s.say("{Name} remembered how it felt to be new.");
    s.new_paragraph();
    s.say("{He} walked over and said, \"Hello! My name is {Name}. Do you want to {activity} with me?\"");
    s.say("{Friend} smiled and said, \"Yes, I would like that!\"");
    s.say_one_of({"They {activity_past} together all day.", "They {activity_past} and told each other jokes."});
    s.say("{Friend} was funny and kind, and {Name} liked {friend_him} very much.");
    s.new_paragraph();
    s.say_one_of({"From that day on, {Name} and {Friend} were best friends.",
        "{Name} learned that saying hello is the first step to a new friendship."});
}

void arc_vegetables(Story& s)
{
    s.words.set("veggie", s.random.pick(kVegetables));
    s.say("At dinner, there were {veggie} on {Name}'s plate.");
    s.say_one_of(
        {"\"Yuck! I don't like {veggie},\" said {Name}.", "{Name} pushed the {veggie} to the side of {his} plate."});
    s.say("{Grownup} asked, \"Have you ever tried them?\"");
    s.say("{Name} shook {his} head. {He} had never tried them at all.");
    s.new_paragraph();
    s.say_one_of({"\"Just take one little bite,\" said {grownup}.",
        "{Grownup} said, \"Let's each try one bite and make a funny face if we don't like it.\""});
    s.say("{Name} closed {his} eyes and took a tiny bite.");
    s.say_one_of(
        {"It was yummy!", "It was not bad at all. In fact, it was tasty!", "It was crunchy and a little sweet."});
    s.say("{Name} ate all of {his} {veggie} and asked for more.");
    s.new_paragraph();
    s.say_one_of({"{Name} learned that you should try something before you say you don't like it.",
        "Now {veggie} are one of {Name}'s favorite foods."});
}

void arc_messy_room(Story& s)
{
    s.say("{Name}'s room was very messy. There were toys and clothes all over the floor.");
    s.say("{Grownup} said, \"Please clean your room before you go out to play.\"");
    s.say_one_of({"{Name} did not want to clean. It was boring.", "{Name} sighed. It would take forever."});
    s.new_paragraph();
    s.say_one_of({"Then {he} had an idea. {He} turned cleaning into a game.",
        "Then {he} put on some music and started to dance while {he} cleaned."});
    s.say_one_of({"{He} pretended each toy was a car driving back to its garage.",
        "{He} counted every toy {he} put away. One, two, three, four, five!"});
    s.say("Under the bed, {he} found {his} {toy}, which {he} had lost a long time ago!");
    s.say("Soon the room was clean and tidy.");
    s.new_paragraph();
    s.say_one_of({"{Grownup} said, \"Well done! Now you can go and play.\"",
        "{Grownup} was very proud and gave {him} a big smile."});
    s.say_one_of({"{Name} learned that cleaning up can be fun, and you might find something you lost.",
        "{Name} learned that a tidy room makes it easy to find your things."});
}

struct Wish {
    const char* wish;
    const char* try_it;
    const char* gift; // what a friend tells the hero
};
const Wish kWishes[] = {
    {"fly like the birds", "{He} flapped {his} arms and jumped off a rock, but {he} just landed in the grass.",
        "you can run faster than anyone in the forest"},
    {"be very tall", "{He} stood on {his} tiptoes and stretched, but {he} was still small.",
        "you can fit into tiny places where no one else can go"},
    {"sing like the birds", "{He} opened {his} mouth to sing, but only a funny squeak came out.",
        "you are the best dancer in the whole meadow"},
    {"be as strong as a bear", "{He} tried to lift a big log, but it would not move.",
        "you are very good at finding things that others have lost"},
    {"swim like a fish", "{He} jumped into the pond and splashed around, but {he} could not swim far.",
        "you can climb higher than anyone else"},
};

void arc_be_yourself(Story& s)
{
    const Wish& wish = s.random.pick(kWishes);
    s.words.set("wish", wish.wish);
    s.words.set("gift", wish.gift);
    s.say_one_of(
        {"More than anything, {Name} wished {he} could {wish}.", "{Name} had a big wish: {he} wanted to {wish}."});
    s.say(wish.try_it);
    s.say("{Name} felt {bad_feeling}. \"I can't do anything special,\" {he} said.");
    s.new_paragraph();
    s.say_one_of({"Then {friend_intro} came by and said, \"But you are special! Don't you know that {gift}?\"",
        "Then {grownup} said, \"Everyone has a gift. Don't you see that {gift}?\""});
    s.say("{Name} thought about it and smiled.");
    s.say_one_of({"That day, {he} used {his} gift to help {his} friends.",
        "From then on, {he} was proud of what {he} could do."});
    s.new_paragraph();
    s.say_one_of({"{Name} learned that it is good to be yourself.",
        "{Name} learned that everyone is good at something different."});
}

void arc_treasure_hunt(Story& s)
{
    struct Find {
        const char* found;
        const char* inside;
    };
    static const Find kFinds[] = {
        {"an old map", "a bundle of old photos of {grownup} as a little child, playing in the same garden"},
        {"a rusty key", "a box of shiny buttons and colorful marbles"},
        {"a note that said, \"Look under the big tree\"", "a jar of candy and a note that said, \"Happy summer!\""},
        {"a riddle on an old piece of paper", "a tiny music box that played a sweet song"},
        {"a bottle with a letter inside", "a drawing of a ship from a child far away"},
    };
    const Find& find = s.random.pick(kFinds);
    s.words.set("inside", s.words.fill(find.inside));
    s.say_one_of({"One rainy day, {Name} and {friend_intro} were playing in the attic.",
        "One day, {Name} and {friend_intro} were digging in the garden."});
    s.say("Suddenly, they found " + std::string(find.found) + ".");
    s.say_one_of({"{Name} said, \"Let's go on a treasure hunt!\"", "{Friend} asked, \"What could it be?\""});
    s.new_paragraph();
    s.say_one_of({"They followed the clues down the stairs, out into the garden and around the pond.",
        "They searched the whole garden, looking behind every bush and under every stone."});
    s.say("At last, under the old apple tree, they found a box.");
    s.say("Inside, there was {inside}.");
    s.new_paragraph();
    s.say_one_of(
        {"It was the best treasure ever.", "{Name} ran to show {grownup}, who laughed and told the story behind it."});
    s.say_one_of({"Adventures can be found right at home.", "{Name} could not wait for the next adventure."});
}

// The arcs, picked with equal chance.
using Arc = void (*)(Story&);
const Arc kArcs[] = {arc_lost_toy, arc_sharing, arc_fear, arc_honesty, arc_practice, arc_rescue, arc_rainy_day,
    arc_lost_in_crowd, arc_hungry_animal, arc_building, arc_race, arc_planting, arc_gift, arc_new_friend,
    arc_vegetables, arc_messy_room, arc_be_yourself, arc_treasure_hunt};

// A closing line some stories end with.
void closing(Story& story)
{
    if (story.random.chance(35))
        story.say_one_of({"The end.", "And they all lived happily ever after.", "{Name} went to sleep with a smile.",
            "It was a very good day.", "And that is the story of {Name}."});
}

// Everything a story needs, chosen at once so that the arcs can use any of it.
Story make_story(uint64_t seed)
{
    Story story(seed);
    choose_hero(story);
    choose_friend(story);
    choose_grownup(story);
    choose_place(story);
    choose_toy(story);
    choose_activity(story);
    choose_feelings(story);
    story.words.set(
        "friend_kind", story.hero_is_animal ? story.words.fill("{kind}") : (story.random.chance(50) ? "kid" : "child"));
    story.words.set("pet", story.random.pick(kPetNames));

    opening(story);
    story.new_paragraph();
    story.random.pick(kArcs)(story);
    closing(story);
    return story;
}

// ---- Dialogues -------------------------------------------------------------------------------

const char* const kNumberWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty"};

// A conversation: the user speaks first, the assistant answers.
class Dialogue {
public:
    explicit Dialogue(uint64_t seed)
        : random(seed)
    {
    }

    Random random;
    Words words;

    // Picks what the user says, then the answer (in that order: the order in which function
    // arguments are evaluated differs between compilers).
    void exchange(std::initializer_list<std::string_view> user, std::initializer_list<std::string_view> assistant)
    {
        std::string question = words.fill(random.one_of(user));
        std::string answer = words.fill(random.one_of(assistant));
        turns_.emplace_back(std::move(question), std::move(answer));
    }

    std::string text() const
    {
        std::string joined;
        for (const auto& turn : turns_) {
            if (!joined.empty())
                joined += '\n';
            joined += "user: " + turn.first + "\nassistant: " + turn.second;
        }
        return joined;
    }

private:
    std::vector<std::pair<std::string, std::string>> turns_;
};

void greeting(Dialogue& d)
{
    switch (d.random.below(4)) {
    case 0:
        d.exchange({"Hello!", "Hello.", "Hello there!", "Hi!", "Hi there!", "Hey!"},
            {"Hello! How can I help you today?", "Hi! What would you like to talk about?",
                "Hello! It is nice to meet you. What can I do for you?", "Hi there! What can I do for you today?"});
        break;
    case 1:
        d.exchange({"Hello, how are you?", "Hi, how are you today?", "Hello! How are you doing?"},
            {"I am doing well, thank you! How are you?", "I am great, thanks for asking. And you?",
                "I am very well, thank you. How is your day going?"});
        d.exchange({"I am good, thanks.", "I am fine, thank you.", "Pretty good!", "I am okay."},
            {"I am glad to hear that. What would you like to talk about?",
                "That is nice. What can I help you with today?", "Good! Is there anything you want to know?"});
        break;
    case 2:
        d.exchange({"Good morning!", "Good afternoon!", "Good evening!"},
            {"Hello, and a good day to you too! What is on your mind?",
                "Hello! I hope you are having a lovely day. How can I help?"});
        break;
    default:
        d.words.set("user_name", d.random.chance(50) ? d.random.pick(kGirlNames) : d.random.pick(kBoyNames));
        d.exchange({"Hello! My name is {user_name}."},
            {"Hello, {user_name}! It is nice to meet you. How can I help you today?",
                "Hi, {user_name}! What a lovely name. What would you like to talk about?"});
        break;
    }
}

void farewell(Dialogue& d)
{
    d.exchange({"Thank you!", "Thanks a lot!", "Thank you, that helps.", "Okay, thank you. Bye!", "Goodbye!",
                   "Thanks, I have to go now."},
        {"You are welcome! Have a wonderful day!", "Goodbye! It was nice talking with you.",
            "You are very welcome. Come back any time!", "Bye! Take care!"});
}

// "user: Tell me a story ..." answered with a whole story in one paragraph.
void topic_story(Dialogue& d)
{
    Story story = make_story(d.random.next());
    const std::string kind = story.words.fill("{kind}");
    d.words.set("story", story.text(" "));
    d.words.set_noun("story_kind", kind);
    d.exchange({"Tell me a story.", "Tell me a story about {a_story_kind}.", "Tell me a bedtime story.",
                   "Tell me a short story, please.", "Can you tell me a story about {a_story_kind}?"},
        {"{story}"});
    if (d.random.chance(40))
        d.exchange({"I love that story!", "That was a nice story.", "Thank you, that was fun."},
            {"I am so glad you liked it!", "Thank you! Would you like another one?", "You are welcome. Sweet dreams!"});
}

struct AnimalFact {
    const char* animal; // plural
    const char* fact;
    int legs; // -1: no question about legs
};
const AnimalFact kAnimalFacts[] = {
    {"cats", "Cats sleep for a big part of the day, and they can see well when it is almost dark.", 4},
    {"dogs", "Dogs have a very good sense of smell, and they wag their tails when they are happy.", 4},
    {"elephants",
        "Elephants are the biggest animals that live on land. They use their long trunks to drink "
        "water and pick up food.",
        4},
    {"giraffes",
        "Giraffes are the tallest animals in the world. Their long necks help them eat leaves from "
        "tall trees.",
        4},
    {"penguins", "Penguins are birds, but they can't fly. They are very good swimmers instead.", 2},
    {"owls", "Most owls are awake at night and sleep during the day. They can turn their heads very far.", 2},
    {"bees", "Bees make honey from the nectar of flowers, and they help flowers and fruit to grow.", 6},
    {"frogs",
        "Frogs start their lives as tadpoles in the water. They catch bugs with their long, sticky "
        "tongues.",
        4},
    {"butterflies",
        "Butterflies start as caterpillars. A caterpillar makes a chrysalis and comes out as a "
        "butterfly.",
        6},
    {"turtles",
        "Turtles carry their shells on their backs. Some turtles can live for more than a hundred "
        "years.",
        4},
    {"spiders", "Spiders have eight legs, and many of them spin webs to catch their food.", 8},
    {"kangaroos", "Kangaroos live in Australia. A baby kangaroo grows up in a pouch on its mother's belly.", 2},
    {"squirrels", "Squirrels bury nuts in the ground so they have food in the winter.", 4},
    {"horses", "Horses can sleep standing up, and they can run very fast.", 4},
    {"ducks", "Ducks have feathers that keep the water out, so they stay dry when they swim.", 2},
    {"lions", "Lions live in groups called prides, and their roar can be heard from far away.", 4},
    {"rabbits", "Rabbits have long ears that help them hear danger, and their teeth never stop growing.", 4},
    {"octopuses", "An octopus has eight arms, and it can change its color to hide.", -1},
    {"ants", "Ants can carry things that are much heavier than they are, and they live together in big groups.", 6},
    {"zebras", "Every zebra has its own pattern of black and white stripes.", 4},
    {"dolphins", "Dolphins are smart and playful. They talk to each other with clicks and whistles.", 0},
    {"camels", "Camels can go a long time without drinking water, so they can live in dry deserts.", 4},
    {"chickens", "Hens lay eggs, and a chick hatches from an egg after about three weeks.", 2},
    {"sheep", "Sheep have thick wool that keeps them warm. People use the wool to make sweaters.", 4},
    {"hedgehogs", "Hedgehogs have sharp spines, and when they are scared they roll up into a ball.", 4},
    {"snails", "Snails carry their homes on their backs, and they move very slowly.", 0},
    {"bats",
        "Bats are the only mammals that can really fly. Many bats find their way in the dark by listening "
        "to echoes.",
        2},
    {"crabs", "Crabs walk sideways, and they have a hard shell to protect them.", 10},
    {"whales",
        "Whales live in the sea, but they breathe air. The blue whale is the biggest animal that has "
        "ever lived.",
        0},
    {"cows", "Cows eat grass all day, and they give us milk.", 4},
};

void topic_animal_fact(Dialogue& d)
{
    const AnimalFact& animal = d.random.pick(kAnimalFacts);
    d.words.set("animals", animal.animal);
    d.words.set("fact", animal.fact);
    d.exchange({"Tell me a fact about {animals}.", "Tell me something about {animals}.",
                   "What do you know about {animals}?", "Can you tell me about {animals}?"},
        {"I know a little! {fact}", "Here is a fun fact: {fact}", "{fact}"});
    if (animal.legs >= 0 && d.random.chance(50)) {
        d.words.set("legs", kNumberWords[animal.legs]);
        d.exchange({"How many legs do {animals} have?"},
            {animal.legs == 0 ? "{Animals} have no legs at all." : "{Animals} have {legs} legs."});
    }
}

struct NatureFact {
    const char* subject;
    const char* fact;
};
const NatureFact kNatureFacts[] = {
    {"the sun", "The sun is a star. It gives us light and keeps the earth warm."},
    {"the moon", "The moon goes around the earth. It shines because light from the sun bounces off it."},
    {"rain",
        "Rain comes from clouds. Tiny drops of water in a cloud join together, and when they get heavy, "
        "they fall down as rain."},
    {"rainbows",
        "A rainbow appears when sunlight shines through drops of rain. It has seven colors: red, "
        "orange, yellow, green, blue, indigo and violet."},
    {"snow", "Snow is made of tiny crystals of ice. It falls when the air is very cold."},
    {"trees", "Trees take in water through their roots, and their leaves make the oxygen that we breathe."},
    {"the stars", "Stars are huge balls of hot gas. They look small because they are very far away."},
    {"the earth",
        "The earth is our planet. It goes around the sun once every year and spins around once "
        "every day."},
    {"plants", "Plants need sunlight, water and air to grow. Their roots drink water from the soil."},
    {"the ocean", "Oceans cover most of the earth, and their water is salty."},
    {"the wind", "Wind is air that moves. A strong wind can bend trees and fly a kite high in the sky."},
    {"the seasons",
        "There are four seasons: spring, summer, autumn and winter. They change as the earth goes "
        "around the sun."},
    {"the heart", "Your heart is a strong muscle. It pumps blood all around your body."},
    {"teeth", "Brushing your teeth twice a day keeps them clean and healthy."},
    {"thunder",
        "Thunder is the sound that lightning makes. Light is faster than sound, so we see the lightning "
        "before we hear the thunder."},
    {"clouds", "Clouds are made of tiny drops of water or ice that float in the sky."},
    {"volcanoes", "A volcano is a mountain that can let out hot, melted rock from deep inside the earth."},
    {"bones", "Bones hold your body up. A grown-up has two hundred and six bones."},
};

void topic_nature_fact(Dialogue& d)
{
    const NatureFact& fact = d.random.pick(kNatureFacts);
    d.words.set("subject", fact.subject);
    d.words.set("fact", fact.fact);
    d.exchange({"Tell me about {subject}.", "Tell me something interesting about {subject}.",
                   "What can you tell me about {subject}?", "I want to learn about {subject}."},
        {"{fact}", "Of course! {fact}", "Good question! {fact}"});
    if (d.random.chance(40))
        d.exchange({"Wow, I didn't know that!", "That is cool.", "Tell me more!"},
            {"Nature is full of surprises! What else would you like to know?",
                "There is always more to learn. Ask me anything!",
                "It is amazing, isn't it? You can learn more in a book about nature."});
}

void topic_joke(Dialogue& d)
{
    struct Joke {
        const char* question;
        const char* answer;
    };
    static const Joke kJokes[] = {
        {"What do you call a bear with no teeth?", "A gummy bear!"},
        {"Why did the banana go to the doctor?", "Because it was not peeling well!"},
        {"What do you call a sleepy dinosaur?", "A dino-snore!"},
        {"Why do cows wear bells?", "Because their horns don't work!"},
        {"What did the ocean say to the beach?", "Nothing, it just waved!"},
        {"Why was the math book sad?", "Because it had too many problems."},
        {"What do you call a fish with no eyes?", "A fsh!"},
        {"Why did the cookie go to the nurse?", "Because it felt crummy!"},
        {"What kind of tree fits in your hand?", "A palm tree!"},
        {"Why can't a bicycle stand up by itself?", "Because it is two tired!"},
        {"What do frogs order at a cafe?", "French flies and a large croak!"},
        {"How do you make a lemon drink?", "You push it off a tall shelf!"},
    };
    const Joke& joke = d.random.pick(kJokes);
    d.words.set("question", joke.question);
    d.words.set("answer", joke.answer);
    d.exchange({"Tell me a joke.", "Tell me a funny joke!", "Do you know any jokes?", "Can you make me laugh?"},
        {"Sure! {question} {answer}", "Here is one: {question} {answer}", "Okay! {question} {answer}"});
    if (d.random.chance(50))
        d.exchange({"Ha ha! That is funny.", "That is so silly!", "I don't get it."},
            {"I am glad it made you smile!", "Jokes are fun to share. Do you know one?",
                "It is a silly play on words. Words can sound the same but mean different things."});
}

void topic_weather(Dialogue& d)
{
    struct Weather {
        const char* today;
        const char* advice;
    };
    static const Weather kWeather[] = {
        {"sunny and hot", "Wear light clothes and a hat, and don't forget to drink lots of water."},
        {"raining", "Put on a raincoat and boots, and take an umbrella with you."},
        {"snowing", "Wear a warm coat, a hat and gloves. Maybe you can build a snowman!"},
        {"very windy", "Wear a jacket that zips up. It is a great day to fly a kite!"},
        {"cold and cloudy", "A warm sweater and a scarf will keep you cozy."},
        {"foggy", "Wear something bright so people can see you, and walk carefully."},
        {"warm and sunny", "It is a perfect day to play outside. Put on some sun cream!"},
    };
    const Weather& weather = d.random.pick(kWeather);
    d.words.set("today", weather.today);
    d.words.set("advice", weather.advice);
    d.exchange({"It is {today} today. What should I wear?", "What should I wear? It is {today} outside.",
                   "The weather is {today}. What should I put on?"},
        {"{advice}"});
    if (d.random.chance(50))
        d.exchange({"What is your favorite kind of weather?", "Do you like the rain?"},
            {"I can't go outside, but many people love warm, sunny days. I also like the "
             "sound of rain. What about you?",
                "I like every kind of weather! Rain helps plants grow, and sun lets us play "
                "outside."});
}

void topic_food(Dialogue& d)
{
    struct Food {
        const char* name;
        const char* comment;
    };
    static const Food kFoods[] = {
        {"pizza", "Pizza is yummy, especially with lots of cheese and tomato sauce."},
        {"pasta", "Pasta is great. You can eat it with tomato sauce, cheese or vegetables."},
        {"ice cream", "Ice cream is a sweet treat, perfect on a hot day."},
        {"apples", "Apples are crunchy and sweet, and they are very good for you."},
        {"soup", "A warm bowl of soup is lovely on a cold day."},
        {"rice", "Rice is eaten all over the world. It goes well with vegetables and beans."},
        {"pancakes", "Pancakes are delicious with fruit and a little honey."},
        {"strawberries", "Strawberries are sweet, red and full of vitamins."},
        {"noodles", "Noodles are fun to eat, and there are so many kinds."},
        {"tacos", "Tacos are tasty, and you can fill them with whatever you like."},
        {"bananas", "Bananas are sweet and give you lots of energy."},
        {"carrots", "Carrots are crunchy, and they are good for your eyes."},
    };
    const Food& food = d.random.pick(kFoods);
    d.words.set("food", food.name);
    d.words.set("comment", food.comment);
    d.words.set("snack", d.random.pick(kSnacks));
    switch (d.random.below(3)) {
    case 0:
        d.exchange({"What is your favorite food?"},
            {"I don't eat food, but many people love {food}. What is your favorite food?"});
        d.exchange({"I love {food}!", "My favorite food is {food}.", "I like {food} the most."}, {"{comment}"});
        break;
    case 1:
        d.exchange({"I am hungry. What can I eat?", "What is a good snack?"},
            {"How about some fruit, like apples or bananas? A glass of water is good too.",
                "You could have some {snack}. Ask a grown-up to help you.",
                "Some yogurt with fruit is a tasty and healthy snack."});
        break;
    default:
        d.exchange({"Is it good to eat {food}?", "Is it okay to eat {food}?"},
            {"{comment} It is best to eat many different foods every day."});
        break;
    }
}

void topic_school(Dialogue& d)
{
    static const char* const kSubjects[] = {
        "math", "reading", "science", "art", "music", "spelling", "history", "geography"};
    d.words.set_noun("subject", d.random.pick(kSubjects));
    switch (d.random.below(3)) {
    case 0:
        d.exchange({"I have {a_subject} test tomorrow.", "I am worried about my {subject} test."},
            {"You can do it! Practice a little today, and get a good sleep tonight.",
                "It is normal to feel a bit nervous. Look over your notes, and ask your teacher "
                "if something is not clear."});
        d.exchange({"Thank you. I will try my best.", "Okay, I will practice."},
            {"Trying your best is all that matters. Good luck!", "Good luck! I believe in you."});
        break;
    case 1:
        d.exchange({"What is your favorite subject at school?"},
            {"I like all of them, but {subject} is really interesting. Which subject do you like best?"});
        d.exchange({"I like {subject} too!", "I like art the most.", "I like recess the best!"},
            {"That is great! It is good to have something you enjoy at school.",
                "Ha ha, playing with friends is important too!"});
        break;
    default:
        d.exchange({"I learned about {subject} at school today."},
            {"That sounds fun! What was the most interesting part?",
                "How nice! Learning new things helps your brain grow."});
        d.exchange({"We did a fun project with my class.", "My teacher told us a story."},
            {"That sounds wonderful. You can tell your family about it tonight.",
                "I am happy you had a good day at school!"});
        break;
    }
}

void topic_feelings(Dialogue& d)
{
    struct Feeling {
        const char* feeling;
        const char* answer;
        const char* follow_up;
    };
    static const Feeling kFeelings[] = {
        {"sad", "I am sorry you feel sad. Do you want to tell me what happened?",
            "It can help to talk to someone you love, like your mom or dad, or a good friend."},
        {"lonely", "Feeling lonely is hard. Maybe you could call a friend or play with someone in your family.",
            "You are not alone. Lots of people care about you."},
        {"scared", "It is okay to feel scared sometimes. Take a deep breath. What is making you scared?",
            "A grown-up you trust can help you feel safe."},
        {"angry", "Feeling angry is normal. Try counting slowly to ten and taking deep breaths.",
            "When you feel calm again, you can talk about what made you angry."},
        {"bored", "How about drawing a picture, reading a book or building something with blocks?",
            "You could also go outside and look for interesting bugs and leaves."},
        {"happy", "That is wonderful! What made you so happy today?", "I love hearing happy news!"},
        {"excited", "How exciting! What are you looking forward to?",
            "It is fun to have something to look forward to."},
        {"tired", "Maybe you need some rest. A good sleep can make you feel much better.",
            "Try going to bed a little earlier tonight."},
        {"nervous", "It is normal to feel nervous about new things. You are braver than you think.",
            "Take a deep breath, and remember that you can ask for help."},
    };
    const Feeling& feeling = d.random.pick(kFeelings);
    d.words.set("feeling", feeling.feeling);
    d.words.set("answer", feeling.answer);
    d.words.set("follow_up", feeling.follow_up);
    d.exchange({"I feel {feeling}.", "I am feeling {feeling} today.", "I am so {feeling}."}, {"{answer}"});
    if (d.random.chance(60))
        d.exchange({"Okay.", "Thank you for listening.", "What else can I do?"}, {"{follow_up}"});
}

void topic_pet(Dialogue& d)
{
    static const char* const kPets[] = {"cat", "dog", "puppy", "kitten", "bunny", "hamster", "goldfish", "parrot",
        "turtle", "pony", "guinea pig", "mouse", "lizard", "budgie"};
    d.words.set_noun("pet_kind", d.random.pick(kPets));
    d.words.set("pet", d.random.pick(kPetNames));
    d.exchange({"I have {a_pet_kind} named {pet}.", "I have a pet. It is {a_pet_kind} called {pet}."},
        {"{Pet} is a lovely name for {a_pet_kind}! What does {pet} like to do?",
            "How wonderful! Is {pet} a good friend to you?"});
    d.exchange({"{Pet} likes to play and sleep.", "{Pet} is my best friend.", "{Pet} likes to eat a lot!"},
        {"That sounds like a happy pet. Remember to give {pet} fresh water every day.",
            "Pets need food, water, love and a safe place to sleep. {Pet} is lucky to have you."});
}

void topic_math(Dialogue& d)
{
    const size_t a = d.random.below(11);
    const size_t b = d.random.below(11);
    d.words.set("a", kNumberWords[a]);
    d.words.set("b", kNumberWords[b]);
    switch (d.random.below(4)) {
    case 0:
        d.words.set("result", kNumberWords[a + b]);
        d.exchange({"What is {a} plus {b}?", "Can you add {a} and {b}?"},
            {"{A} plus {b} is {result}.", "{A} plus {b} makes {result}."});
        break;
    case 1:
        d.words.set("big", kNumberWords[a + b]);
        d.words.set("result", kNumberWords[a]);
        d.exchange({"What is {big} minus {b}?"}, {"{Big} minus {b} is {result}."});
        break;
    case 2: {
        const size_t n = 3 + d.random.below(10);
        std::string counting;
        for (size_t k = 1; k <= n; ++k)
            counting += (k == 1 ? "One" : ", " + std::string(kNumberWords[k]));
        d.words.set("n", kNumberWords[n]);
        d.words.set("counting", counting);
        d.exchange({"Can you count to {n}?"}, {"Sure! {counting}."});
        break;
    }
    default:
        d.words.set("result", kNumberWords[a > b ? a : b]);
        d.exchange({"Which is bigger, {a} or {b}?"},
            {a == b ? "They are the same. {A} is equal to {b}." : "{Result} is bigger."});
        break;
    }
}

void topic_colors(Dialogue& d)
{
    struct Mix {
        const char* first;
        const char* second;
        const char* result;
    };
    static const Mix kMixes[] = {{"red", "yellow", "orange"}, {"blue", "yellow", "green"}, {"red", "blue", "purple"},
        {"red", "white", "pink"}, {"black", "white", "gray"}, {"blue", "white", "light blue"}};
    struct Thing {
        const char* thing;
        const char* color;
    };
    static const Thing kThings[] = {{"the sky on a sunny day", "blue"}, {"grass", "green"}, {"a banana", "yellow"},
        {"snow", "white"}, {"a ripe tomato", "red"}, {"a pumpkin", "orange"}, {"chocolate", "brown"},
        {"the night sky", "dark"}};
    if (d.random.chance(50)) {
        const Mix& mix = d.random.pick(kMixes);
        d.words.set("first", mix.first);
        d.words.set("second", mix.second);
        d.words.set("result", mix.result);
        d.exchange({"What color do you get if you mix {first} and {second}?"},
            {"If you mix {first} and {second}, you get {result}.", "You get {result}! Try it with your paints."});
    } else {
        const Thing& thing = d.random.pick(kThings);
        d.words.set("thing", thing.thing);
        d.words.set("color", thing.color);
        d.exchange({"What color is {thing}?"}, {"{Thing} is {color}."});
    }
}

void topic_how_to(Dialogue& d)
{
    struct Steps {
        const char* task;
        const char* steps;
    };
    static const Steps kSteps[] = {
        {"brush my teeth",
            "First, put a little toothpaste on your brush. Then, brush all your teeth in small circles "
            "for two minutes. Last, spit and rinse with water."},
        {"make a sandwich",
            "First, take two slices of bread. Then, add what you like, such as cheese, ham or "
            "cucumber. Last, put the second slice on top. Enjoy!"},
        {"plant a seed",
            "First, fill a pot with soil. Then, push the seed into the soil and cover it. Last, water it "
            "and put it in a sunny place."},
        {"wash my hands",
            "First, wet your hands with water. Then, rub them with soap while you count to twenty. "
            "Last, rinse them and dry them with a towel."},
        {"make a paper boat",
            "First, fold a sheet of paper in half. Then, fold the corners down to make a "
            "triangle. Last, open the bottom and shape it into a boat."},
        {"be a good friend",
            "Listen when your friend talks, share your things, and say sorry when you make a "
            "mistake. Being kind is the most important part."},
        {"fall asleep faster",
            "Try to go to bed at the same time every night. Read a quiet book, and take slow, "
            "deep breaths with your eyes closed."},
    };
    const Steps& steps = d.random.pick(kSteps);
    d.words.set("task", steps.task);
    d.words.set("steps", steps.steps);
    d.exchange(
        {"How do I {task}?", "Can you tell me how to {task}?", "Tell me how to {task}."}, {"{steps}", "Sure! {steps}"});
}

void topic_days(Dialogue& d)
{
    static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const size_t day = d.random.below(7);
    d.words.set("day", kDays[day]);
    d.words.set("next_day", kDays[(day + 1) % 7]);
    if (d.random.chance(50))
        d.exchange({"What day comes after {day}?"}, {"After {day} comes {next_day}."});
    else
        d.exchange({"How many days are in a week?"},
            {"There are seven days in a week: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and "
             "Sunday."});
}

using Topic = void (*)(Dialogue&);
const Topic kTopics[] = {topic_story, topic_animal_fact, topic_nature_fact, topic_joke, topic_weather, topic_food,
    topic_school, topic_feelings, topic_pet, topic_math, topic_colors, topic_how_to, topic_days, topic_story,
    topic_animal_fact};

Dialogue make_dialogue(uint64_t seed)
{
    Dialogue dialogue(seed);
    if (dialogue.random.chance(60))
        greeting(dialogue);
    // One to three different topics.
    std::vector<Topic> topics;
    const size_t count = 1 + dialogue.random.below(3);
    while (topics.size() < count) {
        const Topic topic = dialogue.random.pick(kTopics);
        if (std::find(topics.begin(), topics.end(), topic) == topics.end())
            topics.push_back(topic);
    }
    for (const Topic topic : topics)
        topic(dialogue);
    if (dialogue.random.chance(40))
        farewell(dialogue);
    return dialogue;
}

// ---- The corpus ------------------------------------------------------------------------------

constexpr size_t kTextCount = 5000;
constexpr uint64_t kCorpusSeed = 0x1351D10C0425ull;

// Two of every five texts are dialogues, spread evenly so that any first part of the corpus has
// both kinds.
bool is_dialogue(size_t index)
{
    return index % 5 == 1 || index % 5 == 3;
}

size_t dialogue_count()
{
    size_t count = 0;
    for (size_t i = 0; i < kTextCount; ++i)
        count += is_dialogue(i) ? 1 : 0;
    return count;
}

} // namespace

std::vector<std::string> builtin_corpus_texts()
{
    std::vector<std::string> texts;
    texts.reserve(kTextCount);
    for (size_t i = 0; i < kTextCount; ++i) {
        // Each text has its own stream, so a text does not change when another one does.
        const uint64_t seed = Random(kCorpusSeed + i).next();
        texts.push_back(is_dialogue(i) ? make_dialogue(seed).text() : make_story(seed).text("\n\n"));
    }
    return texts;
}

std::string builtin_corpus_description()
{
    const size_t dialogues = dialogue_count();
    return "i3 built-in corpus: " + std::to_string(kTextCount) + " texts, " + std::to_string(kTextCount - dialogues) +
        " simple children's stories and " + std::to_string(dialogues) +
        " short user/assistant dialogues, generated by i3 Studio (the same on every run)";
}

} // namespace i3
