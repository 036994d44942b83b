<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeviceName</name>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n core)</numerusform>
            <numerusform>CPU (%n cores)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectPanel</name>
    <message numerus="yes">
        <source>%Ln checkpoint(s), from step %1 to %2.</source>
        <translation>
            <numerusform>%Ln checkpoint, from step %1 to %2.</numerusform>
            <numerusform>%Ln checkpoints, from step %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tokens through %1 blocks.</source>
        <translation>
            <numerusform>%Ln token through %1 blocks.</numerusform>
            <numerusform>%Ln tokens through %1 blocks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln channels: mean %L1, from %L2 to %L3; </source>
        <translation>
            <numerusform>%Ln channel: mean %L1, from %L2 to %L3; </numerusform>
            <numerusform>%Ln channels: mean %L1, from %L2 to %L3; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln below 0 (h flips its sign each token), </source>
        <translation>
            <numerusform>%Ln below 0 (h flips its sign each token), </numerusform>
            <numerusform>%Ln below 0 (h flips its sign each token), </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln above 1 (h grows).</source>
        <translation>
            <numerusform>%Ln above 1 (h grows).</numerusform>
            <numerusform>%Ln above 1 (h grows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the unit circle: kept for ever.</source>
        <translation>
            <numerusform>%Ln on the unit circle: kept for ever.</numerusform>
            <numerusform>%Ln on the unit circle: kept for ever.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outside the unit circle: no half-life, s grows along them.</source>
        <translation>
            <numerusform>%Ln outside the unit circle: no half-life, s grows along them.</numerusform>
            <numerusform>%Ln outside the unit circle: no half-life, s grows along them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionJob</name>
    <message numerus="yes">
        <source>The prompt has %Ln tokens; the model&apos;s context holds %L1.</source>
        <translation>
            <numerusform>The prompt has %Ln token; the model&apos;s context holds %L1.</numerusform>
            <numerusform>The prompt has %Ln tokens; the model&apos;s context holds %L1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inspecting %Ln tokens…</source>
        <translation>
            <numerusform>Inspecting %Ln token…</numerusform>
            <numerusform>Inspecting %Ln tokens…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerPatternEditor</name>
    <message numerus="yes">
        <source>%n block(s): %1 hybrid, %2 attention</source>
        <translation>
            <numerusform>CPU (%n core)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoint, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n block: %1 hybrid, %2 attention</numerusform>
            <numerusform>CPU (%n cores)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoints, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n blocks: %1 hybrid, %2 attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelMapPanel</name>
    <message numerus="yes">
        <source>%Ln blocks</source>
        <translation>
            <numerusform>CPU (%n core)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoint, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n block: %1 hybrid, %2 attention&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoint, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n block: %1 hybrid, %2 attention&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoints, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n blocks: %1 hybrid, %2 attention&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ModelMapPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln blocks</numerusform>
            <numerusform>CPU (%n cores)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoints, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n blocks: %1 hybrid, %2 attention&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoint, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n block: %1 hybrid, %2 attention&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoints, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;LayerPatternEditor&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n blocks: %1 hybrid, %2 attention&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ModelMapPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No weight statistics yet: the run records them every %Ln steps.</source>
        <translation>
            <numerusform>No weight statistics yet: the run records them every %Ln steps.</numerusform>
            <numerusform>No weight statistics yet: the run records them every %Ln steps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln records</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln steps</source>
        <translation>
            <numerusform>%Ln steps</numerusform>
            <numerusform>%Ln steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n token · %1 tokens/s</numerusform>
            <numerusform>%n tokens · %1 tokens/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message numerus="yes">
        <source>Stopped after %n context(s).</source>
        <translation>
            <numerusform>Stopped after %n context.</numerusform>
            <numerusform>Stopped after %n contexts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n context(s) measured.</source>
        <translation>
            <numerusform>Done: %n context measured.</numerusform>
            <numerusform>Done: %n contexts measured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunBrowser</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenDetails</name>
    <message numerus="yes">
        <source>Inside the cut-off (shaded): %Ln token(s) holding %1 of the probability; the sampler&apos;s entropy %L2 bits.</source>
        <translation>
            <numerusform>CPU (%n core)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoint, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;PlaygroundPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n token · %1 tokens/s&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n token · %1 tokens/s&lt;/numerusform&gt;
            &lt;numerusform&gt;%n tokens · %1 tokens/s&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ProbePanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Stopped after %n context.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Stopped after %n context.&lt;/numerusform&gt;
            &lt;numerusform&gt;Stopped after %n contexts.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Done: %n context measured.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Done: %n context measured.&lt;/numerusform&gt;
            &lt;numerusform&gt;Done: %n contexts measured.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;RunBrowser&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n s ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n s ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n s ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n min ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n min ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n min ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n h ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n h ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n h ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n d ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n d ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n d ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;TokenDetails&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inside the cut-off (shaded): %Ln token holding %1 of the probability; the sampler&apos;s entropy %L2 bits.</numerusform>
            <numerusform>CPU (%n cores)&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;CPU (%n core)&lt;/numerusform&gt;
            &lt;numerusform&gt;CPU (%n cores)&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln checkpoints, from step %1 to %2.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln checkpoint, from step %1 to %2.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln checkpoints, from step %1 to %2.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln tokens through %1 blocks.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln token through %1 blocks.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln tokens through %1 blocks.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln channel: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln channels: mean %L1, from %L2 to %L3; &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln below 0 (h flips its sign each token), &lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln below 0 (h flips its sign each token), &lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln above 1 (h grows).&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln above 1 (h grows).&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln on the unit circle: kept for ever.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln on the unit circle: kept for ever.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
            &lt;numerusform&gt;%Ln outside the unit circle: no half-life, s grows along them.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;InspectionJob&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;The prompt has %Ln token; the model&apos;s context holds %L1.&lt;/numerusform&gt;
            &lt;numerusform&gt;The prompt has %Ln tokens; the model&apos;s context holds %L1.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inspecting %Ln tokens…&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Inspecting %Ln token…&lt;/numerusform&gt;
            &lt;numerusform&gt;Inspecting %Ln tokens…&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;PlaygroundPanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n tokens · %1 tokens/s&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n token · %1 tokens/s&lt;/numerusform&gt;
            &lt;numerusform&gt;%n tokens · %1 tokens/s&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ProbePanel&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Stopped after %n contexts.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Stopped after %n context.&lt;/numerusform&gt;
            &lt;numerusform&gt;Stopped after %n contexts.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Done: %n contexts measured.&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;Done: %n context measured.&lt;/numerusform&gt;
            &lt;numerusform&gt;Done: %n contexts measured.&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;RunBrowser&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n s ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n s ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n s ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n min ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n min ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n min ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n h ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n h ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n h ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;%n d ago&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n d ago&lt;/numerusform&gt;
            &lt;numerusform&gt;%n d ago&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;TokenDetails&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;source&gt;Inside the cut-off (shaded): %Ln tokens holding %1 of the probability; the sampler&apos;s entropy %L2 bits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkbenchPanel</name>
    <message numerus="yes">
        <source>Prompt perplexity %L1 over %Ln predicted token(s)</source>
        <translation>
            <numerusform>Prompt perplexity %L1 over %Ln predicted token</numerusform>
            <numerusform>Prompt perplexity %L1 over %Ln predicted tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>continuation %L1 over %Ln token(s)</source>
        <translation>
            <numerusform>continuation %L1 over %Ln token</numerusform>
            <numerusform>continuation %L1 over %Ln tokens</numerusform>
        </translation>
    </message>
</context>
</TS>
